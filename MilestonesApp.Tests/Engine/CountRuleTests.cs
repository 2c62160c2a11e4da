using MilestonesApp.Engine;
using MilestonesApp.Tests.Shared;

namespace MilestonesApp.Tests.Engine;

public sealed class CountRuleTests
{
    private const string Code = "test_wins_3";
    private const string User = "user-1";
    private static readonly DateTimeOffset Start = EngineHost.Now.AddDays(-10);

    [Fact]
    public async Task One_below_the_threshold_awards_nothing()
    {
        await using var host = await StartWithMilestoneAsync();

        var first = await host.RecordAsync(User, EventTypes.WinLogged, Start);
        var second = await host.RecordAsync(User, EventTypes.WinLogged, Start.AddHours(1));

        await host.AssertNotAwardedAsync(User, Code, first, second);
    }

    [Fact]
    public async Task Reaching_the_threshold_awards_it_with_the_completing_event()
    {
        await using var host = await StartWithMilestoneAsync();

        await host.RecordAsync(User, EventTypes.WinLogged, Start);
        await host.RecordAsync(User, EventTypes.WinLogged, Start.AddHours(1));
        var third = await host.RecordAsync(User, EventTypes.WinLogged, Start.AddHours(2));

        await host.AssertAwardedAsync(User, Code, awardedBy: third, achievedBy: third, Start.AddHours(2));
        Assert.Contains(third.NewlyAwarded, award => award.Code == Code && award.AwardedAt == EngineHost.Now);
        Assert.Equal(EngineHost.Now, (await host.AwardOfAsync(User, Code))!.AwardedAt);
    }

    [Fact]
    public async Task Passing_the_threshold_again_awards_nothing_more()
    {
        await using var host = await StartWithMilestoneAsync();
        var results = new List<EngineResult>();

        for (var i = 0; i < 4; i++)
        {
            results.Add(await host.RecordAsync(User, EventTypes.WinLogged, Start.AddHours(i)));
        }

        await host.AssertAwardedAsync(User, Code, awardedBy: results[2], achievedBy: results[2], Start.AddHours(2));
        Assert.DoesNotContain(results[3].NewlyAwarded, award => award.Code == Code);
    }

    [Fact]
    public async Task Events_of_other_types_do_not_count()
    {
        await using var host = await StartWithMilestoneAsync();

        await host.RecordAsync(User, EventTypes.WinLogged, Start);
        await host.RecordAsync(User, EventTypes.WinLogged, Start.AddHours(1));
        var habit = await host.RecordAsync(User, EventTypes.HabitCompleted, Start.AddHours(2));
        var login = await host.RecordAsync(User, EventTypes.UserLoggedIn, Start.AddHours(3));

        await host.AssertNotAwardedAsync(User, Code, habit, login);
    }

    [Fact]
    public async Task Other_users_progress_does_not_count()
    {
        await using var host = await StartWithMilestoneAsync();

        await host.RecordAsync(User, EventTypes.WinLogged, Start);
        await host.RecordAsync(User, EventTypes.WinLogged, Start.AddHours(1));
        var other = await host.RecordAsync("user-2", EventTypes.WinLogged, Start.AddHours(2));

        await host.AssertNotAwardedAsync("user-2", Code, other);
    }

    private static async Task<EngineHost> StartWithMilestoneAsync()
    {
        var host = await EngineHost.StartAsync();
        await host.SaveMilestonesAsync(TestMilestones.Count(Code, StatsCounters.TotalWins, 3));
        return host;
    }
}
