using MilestonesApp.Engine;
using MilestonesApp.Engine.Rules;
using MilestonesApp.Tests.Shared;
using static MilestonesApp.Tests.Engine.ReferenceModel;

namespace MilestonesApp.Tests.Engine;

/// <summary>Each rule's specification at its edges, on logs in memory: what a milestone means, before any accelerator.</summary>
public sealed class RuleSpecificationTests
{
    private static readonly DateTimeOffset T = EngineHost.Now;

    [Fact]
    public void A_count_holds_from_the_threshold_th_counted_event_on_whatever_comes_between()
    {
        var rule = RuleOf(TestMilestones.Count("c", StatsCounters.TotalWins, 2));
        var log = Log((EventTypes.WinLogged, T), (EventTypes.HabitCompleted, T.AddHours(1)), (EventTypes.WinLogged, T.AddHours(2)), (EventTypes.UserLoggedIn, T.AddHours(3)));

        Assert.Equal([false, false, true, true], Enumerable.Range(0, 4).Select(at => rule.HoldsAt(log, at)));
        Assert.Equal(log.Events[2], rule.FirstHeld(log));
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(1, false)]
    public void A_windows_ends_are_both_included(int millisecondsWider, bool holds)
    {
        var rule = RuleOf(TestMilestones.WindowCount("w", EventTypes.HabitCompleted, count: 3, windowDays: 2));
        var log = Log((EventTypes.HabitCompleted, T), (EventTypes.HabitCompleted, T.AddDays(1)), (EventTypes.HabitCompleted, T.AddDays(2).AddMilliseconds(millisecondsWider)));

        Assert.Equal(holds, rule.HoldsAt(log, 2));
    }

    [Fact]
    public void A_window_can_hold_and_pass_while_its_first_moment_stays()
    {
        var rule = RuleOf(TestMilestones.WindowCount("w", EventTypes.WinLogged, count: 2, windowDays: 1));
        var log = Log((EventTypes.WinLogged, T), (EventTypes.WinLogged, T.AddHours(1)), (EventTypes.WinLogged, T.AddDays(5)));

        Assert.True(rule.HoldsAt(log, 1));
        Assert.False(rule.HoldsAt(log, 2));
        Assert.Equal(log.Events[1], rule.FirstHeld(log));
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(-1, false)]
    public void A_gap_of_exactly_the_days_is_a_return(int millisecondsLonger, bool returns)
    {
        var rule = RuleOf(TestMilestones.ReturnAfterGap("r", gapDays: 14));
        var log = Log((EventTypes.UserLoggedIn, T), (EventTypes.WinLogged, T.AddDays(7)), (EventTypes.UserLoggedIn, T.AddDays(14).AddMilliseconds(millisecondsLonger)));

        Assert.Equal(returns, rule.HoldsAt(log, 2));
        Assert.False(rule.HoldsAt(log, 1));
    }

    [Fact]
    public void All_of_without_a_count_needs_every_one_and_names_the_latest_receipt()
    {
        var rule = RuleOf(TestMilestones.AllOf("a", ["x", "y", "z"]));
        var receipts = new Dictionary<string, RecordedEvent> { ["x"] = new(1, EventTypes.WinLogged, T), ["y"] = new(5, EventTypes.WinLogged, T.AddDays(2)) };

        Assert.Null(rule.FirstHeld(new UserLog([], receipts)));
        receipts["z"] = new(3, EventTypes.HabitCompleted, T.AddDays(1));
        Assert.Equal(receipts["y"], rule.FirstHeld(new UserLog([], receipts)));
    }

    [Fact]
    public void All_of_with_a_count_names_the_count_th_earliest_ties_going_by_id()
    {
        var rule = RuleOf(TestMilestones.AllOf("a", ["x", "y", "z"], count: 2));
        var receipts = new Dictionary<string, RecordedEvent>
        {
            ["x"] = new(9, EventTypes.WinLogged, T), ["y"] = new(4, EventTypes.WinLogged, T), ["z"] = new(1, EventTypes.WinLogged, T.AddDays(-1)),
        };

        Assert.Equal(receipts["y"], rule.FirstHeld(new UserLog([], receipts)));
    }

    [Fact]
    public async Task All_of_progress_counts_the_listed_milestones_held()
    {
        var rule = RuleOf(TestMilestones.AllOf("a", ["x", "y", "z"]));
        var context = new ProgressContext(UserStatsSnapshot.Empty("u"), new InMemoryHistory([]), new HashSet<string> { "x", "z", "other" }, T);

        var progress = await rule.ProgressAsync(context, TestContext.Current.CancellationToken);

        Assert.Equal((2L, 3L), (progress.Current, progress.Target));
    }

    private static UserLog Log(params (string Type, DateTimeOffset At)[] events) =>
        UserLog.Of([.. events.Select((e, i) => new RecordedEvent(i + 1, e.Type, e.At))]);
}
