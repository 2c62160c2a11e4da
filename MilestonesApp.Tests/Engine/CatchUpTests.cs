using MilestonesApp.Engine;
using MilestonesApp.Tests.Shared;

namespace MilestonesApp.Tests.Engine;

public sealed class CatchUpTests
{
    private const string User = "user-1";
    private static readonly DateTimeOffset Start = EngineHost.Now.AddDays(-90);

    [Fact]
    public async Task A_milestone_added_after_the_progress_is_awarded_at_the_next_login_as_of_the_completing_event()
    {
        await using var host = await EngineHost.StartAsync();
        await host.RecordAsync(User, EventTypes.WinLogged, Start);
        await host.RecordAsync(User, EventTypes.WinLogged, Start.AddDays(1));
        var completing = await host.RecordAsync(User, EventTypes.WinLogged, Start.AddDays(2));

        await host.SaveMilestonesAsync(TestMilestones.Count("test_wins_3", StatsCounters.TotalWins, 3));
        host.Clock.Advance(TimeSpan.FromHours(1));
        var login = await host.RecordAsync(User, EventTypes.UserLoggedIn, Start.AddDays(40));

        Assert.Contains(login.NewlyAwarded, award => award.Code == "test_wins_3");
        var award = Assert.Single(await host.AwardsOfAsync(User), award => award.Milestone!.Code == "test_wins_3");
        Assert.Equal(completing.EventId, award.EventId);
        Assert.Equal(Start.AddDays(2), award.AchievedAt);
        Assert.Equal(login.EventId, award.AwardedByEventId);
        Assert.Equal(EngineHost.Now.AddHours(1), award.AwardedAt);
    }

    [Fact]
    public async Task A_window_that_was_full_long_ago_still_counts_at_the_next_login()
    {
        await using var host = await EngineHost.StartAsync();
        await host.RecordAsync(User, EventTypes.HabitCompleted, Start);
        await host.RecordAsync(User, EventTypes.HabitCompleted, Start.AddHours(1));
        var completing = await host.RecordAsync(User, EventTypes.HabitCompleted, Start.AddHours(2));

        await host.SaveMilestonesAsync(TestMilestones.WindowCount("test_habits_3_in_1", EventTypes.HabitCompleted, count: 3, windowDays: 1));
        var login = await host.RecordAsync(User, EventTypes.UserLoggedIn, Start.AddDays(60));

        Assert.Contains(login.NewlyAwarded, award => award.Code == "test_habits_3_in_1");
        var award = Assert.Single(await host.AwardsOfAsync(User), award => award.Milestone!.Code == "test_habits_3_in_1");
        Assert.Equal(completing.EventId, award.EventId);
        Assert.Equal(Start.AddHours(2), award.AchievedAt);
    }

    [Fact]
    public async Task A_return_that_happened_before_the_milestone_existed_is_awarded_as_of_that_login()
    {
        await using var host = await EngineHost.StartAsync();
        await host.RecordAsync(User, EventTypes.UserLoggedIn, Start);
        var returning = await host.RecordAsync(User, EventTypes.UserLoggedIn, Start.AddDays(20));

        await host.SaveMilestonesAsync(TestMilestones.ReturnAfterGap("test_back_after_14", gapDays: 14));
        var login = await host.RecordAsync(User, EventTypes.UserLoggedIn, Start.AddDays(21));

        Assert.Contains(login.NewlyAwarded, award => award.Code == "test_back_after_14");
        var award = Assert.Single(await host.AwardsOfAsync(User), award => award.Milestone!.Code == "test_back_after_14");
        Assert.Equal(returning.EventId, award.EventId);
        Assert.Equal(Start.AddDays(20), award.AchievedAt);
    }

    [Fact]
    public async Task Catch_up_waits_for_a_login_or_the_milestones_own_trigger()
    {
        await using var host = await EngineHost.StartAsync();
        await host.RecordAsync(User, EventTypes.WinLogged, Start);
        await host.RecordAsync(User, EventTypes.WinLogged, Start.AddDays(1));
        await host.SaveMilestonesAsync(TestMilestones.Count("test_wins_2", StatsCounters.TotalWins, 2));

        var habit = await host.RecordAsync(User, EventTypes.HabitCompleted, Start.AddDays(2));
        var win = await host.RecordAsync(User, EventTypes.WinLogged, Start.AddDays(3));

        Assert.DoesNotContain(habit.NewlyAwarded, award => award.Code == "test_wins_2");
        Assert.Contains(win.NewlyAwarded, award => award.Code == "test_wins_2");
        var award = Assert.Single(await host.AwardsOfAsync(User), award => award.Milestone!.Code == "test_wins_2");
        Assert.Equal(Start.AddDays(1), award.AchievedAt);
    }

    [Fact]
    public async Task An_inactive_milestone_is_never_awarded()
    {
        await using var host = await EngineHost.StartAsync();
        await host.SaveMilestonesAsync(TestMilestones.Count("test_wins_1", StatsCounters.TotalWins, 1) with { IsActive = false });

        var win = await host.RecordAsync(User, EventTypes.WinLogged, Start);
        var login = await host.RecordAsync(User, EventTypes.UserLoggedIn, Start.AddDays(1));

        Assert.DoesNotContain(win.NewlyAwarded.Concat(login.NewlyAwarded), award => award.Code == "test_wins_1");
        Assert.DoesNotContain(await host.AwardsOfAsync(User), award => award.Milestone!.Code == "test_wins_1");
    }

    [Fact]
    public async Task Deactivating_a_milestone_keeps_its_awards_and_stops_new_ones()
    {
        await using var host = await EngineHost.StartAsync();
        var milestone = TestMilestones.Count("test_wins_1", StatsCounters.TotalWins, 1);
        await host.SaveMilestonesAsync(milestone);
        await host.RecordAsync(User, EventTypes.WinLogged, Start);
        var before = Assert.Single(await host.AwardsOfAsync(User), award => award.Milestone!.Code == "test_wins_1");

        await host.SaveMilestonesAsync(milestone with { IsActive = false });
        var login = await host.RecordAsync(User, EventTypes.UserLoggedIn, Start.AddDays(1));
        var otherWin = await host.RecordAsync("user-2", EventTypes.WinLogged, Start.AddDays(1));
        var otherLogin = await host.RecordAsync("user-2", EventTypes.UserLoggedIn, Start.AddDays(2));

        var after = Assert.Single(await host.AwardsOfAsync(User), award => award.Milestone!.Code == "test_wins_1");
        Assert.Equal((before.Id, before.EventId, before.AchievedAt, before.AwardedAt), (after.Id, after.EventId, after.AchievedAt, after.AwardedAt));
        Assert.DoesNotContain(login.NewlyAwarded.Concat(otherWin.NewlyAwarded).Concat(otherLogin.NewlyAwarded), award => award.Code == "test_wins_1");
        Assert.DoesNotContain(await host.AwardsOfAsync("user-2"), award => award.Milestone!.Code == "test_wins_1");
    }
}
