using MilestonesApp.Engine;
using MilestonesApp.Tests.Shared;

namespace MilestonesApp.Tests.Engine;

/// <summary>Events that arrive after later ones (an offline phone, a retry queue, an import) are judged in time order.</summary>
public sealed class LateEventTests
{
    private const string User = "user-1";
    private static readonly DateTimeOffset Day0 = EngineHost.Now.AddDays(-30);

    [Fact]
    public async Task A_late_event_completing_a_window_that_ends_at_a_later_event_awards_it_at_that_event()
    {
        await using var host = await StartWithAsync(TestMilestones.WindowCount("test_wins_3_in_7", EventTypes.WinLogged, count: 3, windowDays: 7));

        await host.RecordAsync(User, EventTypes.WinLogged, Day0);
        var day2 = await host.RecordAsync(User, EventTypes.WinLogged, Day0.AddDays(2));
        var lateDay1 = await host.RecordAsync(User, EventTypes.WinLogged, Day0.AddDays(1));

        await host.AssertAwardedAsync(User, "test_wins_3_in_7", awardedBy: lateDay1, achievedBy: day2, Day0.AddDays(2));
    }

    [Fact]
    public async Task A_late_event_completes_only_windows_that_reach_back_to_it()
    {
        await using var host = await StartWithAsync(TestMilestones.WindowCount("test_wins_3_in_2", EventTypes.WinLogged, count: 3, windowDays: 2));

        var day3 = await host.RecordAsync(User, EventTypes.WinLogged, Day0.AddDays(3));
        var day4 = await host.RecordAsync(User, EventTypes.WinLogged, Day0.AddDays(4));
        var lateDay1 = await host.RecordAsync(User, EventTypes.WinLogged, Day0.AddDays(1));

        await host.AssertNotAwardedAsync(User, "test_wins_3_in_2", day3, day4, lateDay1);
    }

    [Fact]
    public async Task A_late_event_of_the_counted_type_awards_at_a_later_trigger_event_whose_window_it_completes()
    {
        await using var host = await StartWithAsync(
            TestMilestones.WindowCount("test_habits_2_in_1_on_win", EventTypes.HabitCompleted, count: 2, windowDays: 1, trigger: EventTypes.WinLogged));

        var habit = await host.RecordAsync(User, EventTypes.HabitCompleted, Day0.AddHours(2));
        var win = await host.RecordAsync(User, EventTypes.WinLogged, Day0.AddHours(3));
        var lateHabit = await host.RecordAsync(User, EventTypes.HabitCompleted, Day0.AddHours(1));

        await host.AssertAwardedAsync(User, "test_habits_2_in_1_on_win", awardedBy: lateHabit, achievedBy: habit, Day0.AddHours(2));
        Assert.DoesNotContain(win.NewlyAwarded, award => award.Code == "test_habits_2_in_1_on_win");
    }

    [Fact]
    public async Task A_late_trigger_event_before_the_threshold_in_time_awards_nothing_when_no_trigger_follows_it()
    {
        await using var host = await StartWithAsync(TestMilestones.Count("test_wins_2_on_habit", StatsCounters.TotalWins, 2, trigger: EventTypes.HabitCompleted));

        var first = await host.RecordAsync(User, EventTypes.WinLogged, Day0.AddHours(1));
        var second = await host.RecordAsync(User, EventTypes.WinLogged, Day0.AddHours(2));
        var lateHabit = await host.RecordAsync(User, EventTypes.HabitCompleted, Day0);

        await host.AssertNotAwardedAsync(User, "test_wins_2_on_habit", first, second, lateHabit);
    }

    [Fact]
    public async Task A_late_counted_event_awards_at_the_threshold_when_a_trigger_event_follows_it_in_time()
    {
        await using var host = await StartWithAsync(TestMilestones.Count("test_wins_2_on_habit", StatsCounters.TotalWins, 2, trigger: EventTypes.HabitCompleted));

        var first = await host.RecordAsync(User, EventTypes.WinLogged, Day0);
        var habit = await host.RecordAsync(User, EventTypes.HabitCompleted, Day0.AddHours(2));
        var lateWin = await host.RecordAsync(User, EventTypes.WinLogged, Day0.AddHours(1));

        await host.AssertAwardedAsync(User, "test_wins_2_on_habit", awardedBy: lateWin, achievedBy: lateWin, Day0.AddHours(1));
        Assert.DoesNotContain(first.NewlyAwarded.Concat(habit.NewlyAwarded), award => award.Code == "test_wins_2_on_habit");
    }

    [Fact]
    public async Task A_late_event_proving_a_count_was_reached_earlier_moves_the_receipt_earlier_without_a_new_celebration()
    {
        await using var host = await StartWithAsync(TestMilestones.Count("test_wins_3", StatsCounters.TotalWins, 3));
        await host.RecordAsync(User, EventTypes.WinLogged, Day0.AddHours(5));
        var second = await host.RecordAsync(User, EventTypes.WinLogged, Day0.AddHours(6));
        var third = await host.RecordAsync(User, EventTypes.WinLogged, Day0.AddHours(7));
        var awarded = await host.AwardOfAsync(User, "test_wins_3");

        host.Clock.Advance(TimeSpan.FromHours(1));
        var late = await host.RecordAsync(User, EventTypes.WinLogged, Day0);

        Assert.DoesNotContain(late.NewlyAwarded, award => award.Code == "test_wins_3");
        await host.AssertAwardedAsync(User, "test_wins_3", awardedBy: third, achievedBy: second, Day0.AddHours(6));
        Assert.Equal(awarded!.AwardedAt, (await host.AwardOfAsync(User, "test_wins_3"))!.AwardedAt);
    }

    [Fact]
    public async Task A_late_event_proving_a_window_was_full_earlier_moves_the_receipt_earlier()
    {
        await using var host = await StartWithAsync(TestMilestones.WindowCount("test_habits_2_in_1", EventTypes.HabitCompleted, count: 2, windowDays: 1));
        var day1 = await host.RecordAsync(User, EventTypes.HabitCompleted, Day0.AddDays(1));
        await host.RecordAsync(User, EventTypes.HabitCompleted, Day0.AddDays(5));
        var completing = await host.RecordAsync(User, EventTypes.HabitCompleted, Day0.AddDays(5).AddHours(1));

        var late = await host.RecordAsync(User, EventTypes.HabitCompleted, Day0.AddDays(1).AddHours(-2));

        Assert.DoesNotContain(late.NewlyAwarded, award => award.Code == "test_habits_2_in_1");
        await host.AssertAwardedAsync(User, "test_habits_2_in_1", awardedBy: completing, achievedBy: day1, Day0.AddDays(1));
    }

    [Fact]
    public async Task A_late_event_never_moves_a_receipt_later()
    {
        await using var host = await StartWithAsync(TestMilestones.Count("test_wins_2", StatsCounters.TotalWins, 2));
        await host.RecordAsync(User, EventTypes.WinLogged, Day0);
        var second = await host.RecordAsync(User, EventTypes.WinLogged, Day0.AddHours(1));
        await host.RecordAsync(User, EventTypes.HabitCompleted, Day0.AddDays(2));

        var late = await host.RecordAsync(User, EventTypes.WinLogged, Day0.AddDays(1));

        Assert.DoesNotContain(late.NewlyAwarded, award => award.Code == "test_wins_2");
        await host.AssertAwardedAsync(User, "test_wins_2", awardedBy: second, achievedBy: second, Day0.AddHours(1));
    }

    [Fact]
    public async Task A_late_login_is_compared_with_the_login_before_it_in_time()
    {
        await using var host = await StartWithAsync(TestMilestones.ReturnAfterGap("test_back_after_5", gapDays: 5));
        var day0 = await host.RecordAsync(User, EventTypes.UserLoggedIn, Day0);
        var day2 = await host.RecordAsync(User, EventTypes.UserLoggedIn, Day0.AddDays(2));
        var day10 = await host.RecordAsync(User, EventTypes.UserLoggedIn, Day0.AddDays(10));

        var lateDay8 = await host.RecordAsync(User, EventTypes.UserLoggedIn, Day0.AddDays(8));

        Assert.DoesNotContain(lateDay8.NewlyAwarded, award => award.Code == "test_back_after_5");
        await host.AssertAwardedAsync(User, "test_back_after_5", awardedBy: day10, achievedBy: lateDay8, Day0.AddDays(8));
        Assert.DoesNotContain(day0.NewlyAwarded.Concat(day2.NewlyAwarded), award => award.Code == "test_back_after_5");
    }

    [Fact]
    public async Task A_late_first_login_gives_the_next_login_a_predecessor_to_return_from()
    {
        await using var host = await StartWithAsync(TestMilestones.ReturnAfterGap("test_back_after_5", gapDays: 5));
        var day10 = await host.RecordAsync(User, EventTypes.UserLoggedIn, Day0.AddDays(10));
        await host.RecordAsync(User, EventTypes.UserLoggedIn, Day0.AddDays(11));

        var lateDay0 = await host.RecordAsync(User, EventTypes.UserLoggedIn, Day0);

        await host.AssertAwardedAsync(User, "test_back_after_5", awardedBy: lateDay0, achievedBy: day10, Day0.AddDays(10));
    }

    private static async Task<EngineHost> StartWithAsync(MilestoneDefinition milestone)
    {
        var host = await EngineHost.StartAsync();
        await host.SaveMilestonesAsync(milestone);
        return host;
    }
}
