using MilestonesApp.Data;
using MilestonesApp.Engine;
using MilestonesApp.Tests.Shared;

namespace MilestonesApp.Tests.Engine;

public sealed class CountRuleTests
{
    private const string Code = "test_wins_3";
    private const string User = "user-1";
    private static readonly DateTimeOffset Start = EngineHost.Now.AddDays(-10);

    [Theory, OnEachProvider]
    public async Task One_below_the_threshold_awards_nothing(DatabaseProvider provider)
    {
        await using var host = await StartWithMilestoneAsync(provider);

        var first = await host.RecordAsync(User, EventTypes.WinLogged, Start);
        var second = await host.RecordAsync(User, EventTypes.WinLogged, Start.AddHours(1));

        await host.AssertNotAwardedAsync(User, Code, first, second);
    }

    [Theory, OnEachProvider]
    public async Task Reaching_the_threshold_awards_it_with_the_completing_event(DatabaseProvider provider)
    {
        await using var host = await StartWithMilestoneAsync(provider);

        await host.RecordAsync(User, EventTypes.WinLogged, Start);
        await host.RecordAsync(User, EventTypes.WinLogged, Start.AddHours(1));
        var third = await host.RecordAsync(User, EventTypes.WinLogged, Start.AddHours(2));

        await host.AssertAwardedAsync(User, Code, awardedBy: third, achievedBy: third, Start.AddHours(2));
        Assert.Contains(third.NewlyAwarded, award => award.Code == Code && award.AwardedAt == EngineHost.Now);
        Assert.Equal(EngineHost.Now, (await host.AwardOfAsync(User, Code))!.AwardedAt);
    }

    [Theory, OnEachProvider]
    public async Task Passing_the_threshold_again_awards_nothing_more(DatabaseProvider provider)
    {
        await using var host = await StartWithMilestoneAsync(provider);
        var results = new List<EngineResult>();

        for (var i = 0; i < 4; i++)
        {
            results.Add(await host.RecordAsync(User, EventTypes.WinLogged, Start.AddHours(i)));
        }

        await host.AssertAwardedAsync(User, Code, awardedBy: results[2], achievedBy: results[2], Start.AddHours(2));
        Assert.DoesNotContain(results[3].NewlyAwarded, award => award.Code == Code);
    }

    [Theory, OnEachProvider]
    public async Task A_late_event_completing_the_count_names_the_threshold_event_in_time_order(DatabaseProvider provider)
    {
        await using var host = await StartWithMilestoneAsync(provider);

        var firstInTime = await host.RecordAsync(User, EventTypes.WinLogged, Start.AddHours(5));
        var thirdInTime = await host.RecordAsync(User, EventTypes.WinLogged, Start.AddHours(6));
        var late = await host.RecordAsync(User, EventTypes.WinLogged, Start);

        await host.AssertAwardedAsync(User, Code, awardedBy: late, achievedBy: thirdInTime, Start.AddHours(6));
        Assert.DoesNotContain(firstInTime.NewlyAwarded.Concat(thirdInTime.NewlyAwarded), award => award.Code == Code);
    }

    [Theory, OnEachProvider]
    public async Task Events_of_other_types_do_not_count(DatabaseProvider provider)
    {
        await using var host = await StartWithMilestoneAsync(provider);

        await host.RecordAsync(User, EventTypes.WinLogged, Start);
        await host.RecordAsync(User, EventTypes.WinLogged, Start.AddHours(1));
        var habit = await host.RecordAsync(User, EventTypes.HabitCompleted, Start.AddHours(2));
        var login = await host.RecordAsync(User, EventTypes.UserLoggedIn, Start.AddHours(3));

        await host.AssertNotAwardedAsync(User, Code, habit, login);
    }

    [Theory, OnEachProvider]
    public async Task Other_users_progress_does_not_count(DatabaseProvider provider)
    {
        await using var host = await StartWithMilestoneAsync(provider);

        await host.RecordAsync(User, EventTypes.WinLogged, Start);
        await host.RecordAsync(User, EventTypes.WinLogged, Start.AddHours(1));
        var other = await host.RecordAsync("user-2", EventTypes.WinLogged, Start.AddHours(2));

        await host.AssertNotAwardedAsync("user-2", Code, other);
    }

    private static async Task<EngineHost> StartWithMilestoneAsync(DatabaseProvider provider)
    {
        var host = await EngineHost.StartAsync(provider);
        await host.SaveMilestonesAsync(TestMilestones.Count(Code, StatsCounters.TotalWins, 3));
        return host;
    }
}
