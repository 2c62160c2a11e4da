using MilestonesApp.Data;
using MilestonesApp.Engine;
using MilestonesApp.Tests.Shared;

namespace MilestonesApp.Tests.Engine;

public sealed class CatchUpTests
{
    private const string User = "user-1";
    private static readonly DateTimeOffset Start = EngineHost.Now.AddDays(-90);

    [Theory, OnEachProvider]
    public async Task A_milestone_added_after_the_progress_is_awarded_at_the_next_login_as_of_the_completing_event(DatabaseProvider provider)
    {
        await using var host = await EngineHost.StartAsync(provider);
        await host.RecordAsync(User, EventTypes.WinLogged, Start);
        await host.RecordAsync(User, EventTypes.WinLogged, Start.AddDays(1));
        var completing = await host.RecordAsync(User, EventTypes.WinLogged, Start.AddDays(2));

        await host.SaveMilestonesAsync(TestMilestones.Count("test_wins_3", StatsCounters.TotalWins, 3));
        host.Clock.Advance(TimeSpan.FromHours(1));
        var login = await host.RecordAsync(User, EventTypes.UserLoggedIn, Start.AddDays(40));

        await host.AssertAwardedAsync(User, "test_wins_3", awardedBy: login, achievedBy: completing, Start.AddDays(2));
        Assert.Equal(EngineHost.Now.AddHours(1), (await host.AwardOfAsync(User, "test_wins_3"))!.AwardedAt);
    }

    [Theory, OnEachProvider]
    public async Task A_window_that_was_full_long_ago_still_counts_at_the_next_login(DatabaseProvider provider)
    {
        await using var host = await EngineHost.StartAsync(provider);
        await host.RecordAsync(User, EventTypes.HabitCompleted, Start);
        await host.RecordAsync(User, EventTypes.HabitCompleted, Start.AddHours(1));
        var completing = await host.RecordAsync(User, EventTypes.HabitCompleted, Start.AddHours(2));

        await host.SaveMilestonesAsync(TestMilestones.WindowCount("test_habits_3_in_1", EventTypes.HabitCompleted, count: 3, windowDays: 1));
        var login = await host.RecordAsync(User, EventTypes.UserLoggedIn, Start.AddDays(60));

        await host.AssertAwardedAsync(User, "test_habits_3_in_1", awardedBy: login, achievedBy: completing, Start.AddHours(2));
    }

    [Theory, OnEachProvider]
    public async Task A_return_that_happened_before_the_milestone_existed_is_awarded_as_of_that_login(DatabaseProvider provider)
    {
        await using var host = await EngineHost.StartAsync(provider);
        await host.RecordAsync(User, EventTypes.UserLoggedIn, Start);
        var returning = await host.RecordAsync(User, EventTypes.UserLoggedIn, Start.AddDays(20));

        await host.SaveMilestonesAsync(TestMilestones.ReturnAfterGap("test_back_after_14", gapDays: 14));
        var login = await host.RecordAsync(User, EventTypes.UserLoggedIn, Start.AddDays(21));

        await host.AssertAwardedAsync(User, "test_back_after_14", awardedBy: login, achievedBy: returning, Start.AddDays(20));
    }

    [Theory, OnEachProvider]
    public async Task Catch_up_waits_for_a_login_or_the_milestones_own_trigger(DatabaseProvider provider)
    {
        await using var host = await EngineHost.StartAsync(provider);
        await host.RecordAsync(User, EventTypes.WinLogged, Start);
        var completing = await host.RecordAsync(User, EventTypes.WinLogged, Start.AddDays(1));
        await host.SaveMilestonesAsync(TestMilestones.Count("test_wins_2", StatsCounters.TotalWins, 2));

        var habit = await host.RecordAsync(User, EventTypes.HabitCompleted, Start.AddDays(2));
        var win = await host.RecordAsync(User, EventTypes.WinLogged, Start.AddDays(3));

        Assert.DoesNotContain(habit.NewlyAwarded, award => award.Code == "test_wins_2");
        await host.AssertAwardedAsync(User, "test_wins_2", awardedBy: win, achievedBy: completing, Start.AddDays(1));
    }

    [Theory, OnEachProvider]
    public async Task An_inactive_milestone_is_never_awarded(DatabaseProvider provider)
    {
        await using var host = await EngineHost.StartAsync(provider);
        await host.SaveMilestonesAsync(TestMilestones.Count("test_wins_1", StatsCounters.TotalWins, 1) with { IsActive = false });

        var win = await host.RecordAsync(User, EventTypes.WinLogged, Start);
        var login = await host.RecordAsync(User, EventTypes.UserLoggedIn, Start.AddDays(1));

        await host.AssertNotAwardedAsync(User, "test_wins_1", win, login);
    }

    [Theory, OnEachProvider]
    public async Task Deactivating_a_milestone_keeps_its_awards_and_stops_new_ones(DatabaseProvider provider)
    {
        await using var host = await EngineHost.StartAsync(provider);
        var milestone = TestMilestones.Count("test_wins_1", StatsCounters.TotalWins, 1);
        await host.SaveMilestonesAsync(milestone);
        var win = await host.RecordAsync(User, EventTypes.WinLogged, Start);

        await host.SaveMilestonesAsync(milestone with { IsActive = false });
        var login = await host.RecordAsync(User, EventTypes.UserLoggedIn, Start.AddDays(1));
        var otherWin = await host.RecordAsync("user-2", EventTypes.WinLogged, Start.AddDays(1));
        var otherLogin = await host.RecordAsync("user-2", EventTypes.UserLoggedIn, Start.AddDays(2));

        await host.AssertAwardedAsync(User, "test_wins_1", awardedBy: win, achievedBy: win, Start);
        Assert.DoesNotContain(login.NewlyAwarded, award => award.Code == "test_wins_1");
        await host.AssertNotAwardedAsync("user-2", "test_wins_1", otherWin, otherLogin);
    }
}
