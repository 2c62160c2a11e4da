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

        await host.RecordAsync(User, EventTypes.WinLogged, Start);
        var second = await host.RecordAsync(User, EventTypes.WinLogged, Start.AddHours(1));

        Assert.DoesNotContain(second.NewlyAwarded, award => award.Code == Code);
        Assert.DoesNotContain(await host.AwardsOfAsync(User), award => award.Milestone!.Code == Code);
    }

    [Fact]
    public async Task Reaching_the_threshold_awards_it_with_the_completing_event()
    {
        await using var host = await StartWithMilestoneAsync();

        await host.RecordAsync(User, EventTypes.WinLogged, Start);
        await host.RecordAsync(User, EventTypes.WinLogged, Start.AddHours(1));
        var third = await host.RecordAsync(User, EventTypes.WinLogged, Start.AddHours(2));

        Assert.Contains(third.NewlyAwarded, award => award.Code == Code && award.AwardedAt == EngineHost.Now);
        var award = Assert.Single(await host.AwardsOfAsync(User), award => award.Milestone!.Code == Code);
        Assert.Equal(third.EventId, award.EventId);
        Assert.Equal(third.EventId, award.AwardedByEventId);
        Assert.Equal(Start.AddHours(2), award.AchievedAt);
        Assert.Equal(EngineHost.Now, award.AwardedAt);
    }

    [Fact]
    public async Task Passing_the_threshold_again_awards_nothing_more()
    {
        await using var host = await StartWithMilestoneAsync();

        for (var i = 0; i < 3; i++)
        {
            await host.RecordAsync(User, EventTypes.WinLogged, Start.AddHours(i));
        }

        var fourth = await host.RecordAsync(User, EventTypes.WinLogged, Start.AddHours(3));

        Assert.DoesNotContain(fourth.NewlyAwarded, award => award.Code == Code);
        Assert.Single(await host.AwardsOfAsync(User), award => award.Milestone!.Code == Code);
    }

    [Fact]
    public async Task Events_of_other_types_do_not_count()
    {
        await using var host = await StartWithMilestoneAsync();

        await host.RecordAsync(User, EventTypes.WinLogged, Start);
        await host.RecordAsync(User, EventTypes.WinLogged, Start.AddHours(1));
        await host.RecordAsync(User, EventTypes.HabitCompleted, Start.AddHours(2));
        await host.RecordAsync(User, EventTypes.UserLoggedIn, Start.AddHours(3));

        Assert.DoesNotContain(await host.AwardsOfAsync(User), award => award.Milestone!.Code == Code);
    }

    [Fact]
    public async Task Other_users_progress_does_not_count()
    {
        await using var host = await StartWithMilestoneAsync();

        await host.RecordAsync(User, EventTypes.WinLogged, Start);
        await host.RecordAsync(User, EventTypes.WinLogged, Start.AddHours(1));
        var other = await host.RecordAsync("user-2", EventTypes.WinLogged, Start.AddHours(2));

        Assert.DoesNotContain(other.NewlyAwarded, award => award.Code == Code);
        Assert.DoesNotContain(await host.AwardsOfAsync("user-2"), award => award.Milestone!.Code == Code);
    }

    private static async Task<EngineHost> StartWithMilestoneAsync()
    {
        var host = await EngineHost.StartAsync();
        await host.SaveMilestonesAsync(TestMilestones.Count(Code, StatsCounters.TotalWins, 3));
        return host;
    }
}
