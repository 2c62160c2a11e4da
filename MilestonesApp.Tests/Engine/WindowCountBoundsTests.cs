using MilestonesApp.Data;
using MilestonesApp.Engine;
using MilestonesApp.Tests.Shared;

namespace MilestonesApp.Tests.Engine;

/// <summary>
/// A window checked at a user's latest event is first bounded by the last count and the events of its type stored
/// since: a window that cannot hold enough yet costs no query, and one that can is counted, so awards do not change.
/// </summary>
public sealed class WindowCountBoundsTests
{
    private const string WindowChecks = "milestones.engine.window_checks";
    private const string Check = "milestones.window.check";
    private static readonly DateTimeOffset Start = EngineHost.Now.AddDays(-40);
    private static readonly WindowKey Window = new("user-1", EventTypes.WinLogged, TimeSpan.FromDays(7));

    [Theory, OnEachProvider]
    public async Task A_window_that_cannot_hold_enough_yet_is_not_counted_and_the_award_comes_at_the_same_event(DatabaseProvider provider)
    {
        await using var host = await EngineHost.StartAsync(provider);
        // Alone, so that what the meter counts is this rule's.
        await host.KeepOnlyMilestonesAsync(TestMilestones.WindowCount("test_3_wins_in_7", EventTypes.WinLogged, 3, 7));
        using var measurements = new EngineMeasurements(host);

        // Three wins ten days apart: the third is the first the rule may hold at, and its window holds one.
        foreach (var day in new[] { 0, 10, 20 })
        {
            await host.RecordAsync("user-1", EventTypes.WinLogged, Start.AddDays(day), $"win-{day}");
        }

        Assert.Equal(1, measurements.Sum(WindowChecks, Check, "counted"));
        // One win more can make it two at most: no query.
        await host.RecordAsync("user-1", EventTypes.WinLogged, Start.AddDays(30), "win-30");
        Assert.Equal(1, measurements.Sum(WindowChecks, Check, "bounded"));
        // Two more could make three: counted each time, and the third in the window awards it.
        var second = await host.RecordAsync("user-1", EventTypes.WinLogged, Start.AddDays(30).AddHours(1), "win-30-1h");
        var third = await host.RecordAsync("user-1", EventTypes.WinLogged, Start.AddDays(30).AddHours(2), "win-30-2h");

        Assert.Equal(3, measurements.Sum(WindowChecks, Check, "counted"));
        Assert.DoesNotContain(second.NewlyAwarded, award => award.Code == "test_3_wins_in_7");
        Assert.Contains(third.NewlyAwarded, award => award.Code == "test_3_wins_in_7");
        var award = await host.AwardOfAsync("user-1", "test_3_wins_in_7");
        Assert.Equal(third.EventId, award!.EventId);
    }

    [Theory, OnEachProvider]
    public async Task Rules_on_different_windows_and_counts_at_one_event_are_each_judged_on_their_own_window(DatabaseProvider provider)
    {
        await using var host = await EngineHost.StartAsync(provider);
        await host.KeepOnlyMilestonesAsync(
            TestMilestones.WindowCount("test_2_wins_in_1", EventTypes.WinLogged, 2, 1),
            TestMilestones.WindowCount("test_3_wins_in_1", EventTypes.WinLogged, 3, 1),
            TestMilestones.WindowCount("test_3_wins_in_30", EventTypes.WinLogged, 3, 30));
        using var measurements = new EngineMeasurements(host);

        await host.RecordAsync("user-1", EventTypes.WinLogged, Start, "win-1");
        await host.RecordAsync("user-1", EventTypes.WinLogged, Start.AddDays(10), "win-2");
        var third = await host.RecordAsync("user-1", EventTypes.WinLogged, Start.AddDays(10).AddHours(1), "win-3");

        // At the third win: two in the last day, three in the last thirty days.
        Assert.Equal(["test_2_wins_in_1", "test_3_wins_in_30"], third.NewlyAwarded.Select(award => award.Code).Order());
        // The one-day window was counted at the second win, and at the third once for both its rules; the thirty-day one once.
        Assert.Equal(3, measurements.Sum(WindowChecks, Check, "counted"));
    }

    [Fact]
    public void A_count_bounds_later_windows_by_the_events_stored_since()
    {
        var bounds = new WindowCountBounds();
        var checkedAt = Start.AddDays(10);
        bounds.Remember([(Window, new WindowCount(checkedAt, InWindow: 2, StoredOfType: 12))]);

        Assert.Equal(2, bounds.AtMost(Window, checkedAt, storedOfType: 12));
        Assert.Equal(5, bounds.AtMost(Window, checkedAt.AddDays(3), storedOfType: 15));
        // A window ending before the count, another user's or another length's: nothing is known.
        Assert.Null(bounds.AtMost(Window, checkedAt.AddMilliseconds(-1), storedOfType: 15));
        Assert.Null(bounds.AtMost(Window with { UserId = "user-2" }, checkedAt, storedOfType: 12));
        Assert.Null(bounds.AtMost(Window with { Length = TimeSpan.FromDays(8) }, checkedAt, storedOfType: 12));
    }

    [Fact]
    public void Of_two_counts_committed_in_either_order_the_later_one_is_kept()
    {
        var bounds = new WindowCountBounds();
        var later = new WindowCount(Start.AddDays(11), InWindow: 1, StoredOfType: 13);
        bounds.Remember([(Window, later)]);
        bounds.Remember([(Window, new WindowCount(Start.AddDays(10), InWindow: 3, StoredOfType: 12))]);

        Assert.Equal(1, bounds.AtMost(Window, later.End, storedOfType: 13));
    }
}
