using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MilestonesApp.Data;
using MilestonesApp.Data.Entities;
using MilestonesApp.Engine;
using MilestonesApp.Tests.Shared;

namespace MilestonesApp.Tests.Engine;

/// <summary>
/// A login catches up from the user's mark: what was evaluated at their last complete catch-up is not read again,
/// and a milestone added or changed since is evaluated over the whole history once, outside the login's transaction.
/// </summary>
public sealed class IncrementalCatchUpTests
{
    private const string User = "user-1";
    private static readonly DateTimeOffset Start = EngineHost.Now.AddDays(-90);

    // Awarded only by a habit or by catch-up, never by the wins it counts: what a login finds is the login's to award.
    private static readonly MilestoneDefinition ThreeWinsOnHabit =
        TestMilestones.Count("test_wins_3_on_habit", StatsCounters.TotalWins, 3, trigger: EventTypes.HabitCompleted);

    [Theory, OnEachProvider]
    public async Task A_later_login_reads_as_many_history_events_after_thousands_of_own_events_as_after_ten(DatabaseProvider provider)
    {
        await using var host = await EngineHost.StartAsync(provider);
        await host.KeepOnlyMilestonesAsync(
            TestMilestones.WindowCount("test_habits_3_in_1", EventTypes.HabitCompleted, count: 3, windowDays: 1),
            TestMilestones.ReturnAfterGap("test_back_after_14", gapDays: 14),
            TestMilestones.Count("test_habits_2", StatsCounters.TotalHabitsCompleted, 2));
        using var meter = new CatchUpMeter(host);

        var few = await LoginTwiceAfterHabitsAsync(host, meter, "user-few", habits: 10);
        var many = await LoginTwiceAfterHabitsAsync(host, meter, "user-many", habits: 4_000);

        // The first login reads each history once, in full; the later one reads the same few events whatever came before.
        Assert.True(many.First.Full >= 4_000, $"The first login read {many.First.Full} events of a 4,000-event history.");
        Assert.True(few.First.Full < 20, $"The first login read {few.First.Full} events of a 10-event history.");
        Assert.Equal((0L, 0L), (few.Later.Full, many.Later.Full));
        Assert.Equal(few.Later.Incremental, many.Later.Incremental);
        Assert.InRange(many.Later.Incremental, 1, 5);
    }

    [Theory, OnEachProvider]
    public async Task A_late_login_after_a_complete_catch_up_reads_no_history_in_full(DatabaseProvider provider)
    {
        await using var host = await EngineHost.StartAsync(provider);
        await host.KeepOnlyMilestonesAsync(
            TestMilestones.WindowCount("test_habits_3_in_1", EventTypes.HabitCompleted, count: 3, windowDays: 1),
            TestMilestones.ReturnAfterGap("test_back_after_14", gapDays: 14));
        await LoadDailyHabitsAsync(host, User, 4_000, last: EngineHost.Now.AddDays(-20));
        await host.RecordAsync(User, EventTypes.UserLoggedIn, EngineHost.Now.AddDays(-10));
        using var meter = new CatchUpMeter(host);

        // From an offline phone: a login older than the user's latest event, before the login that caught them up.
        var late = await host.RecordAsync(User, EventTypes.UserLoggedIn, EngineHost.Now.AddDays(-15));

        Assert.Empty(late.NewlyAwarded);
        var read = meter.Take();
        Assert.Equal(0, read.Full);
        Assert.InRange(read.Late, 0, 5);
    }

    [Theory, OnEachProvider]
    public async Task A_milestone_added_or_changed_since_the_last_login_is_evaluated_over_the_whole_history_once(DatabaseProvider provider)
    {
        await using var host = await EngineHost.StartAsync(provider);
        var window = TestMilestones.WindowCount("test_habits_3_in_1", EventTypes.HabitCompleted, count: 3, windowDays: 1);
        await host.SaveMilestonesAsync(window);
        var left = await host.RecordAsync(User, EventTypes.UserLoggedIn, Start);
        await host.RecordAsync(User, EventTypes.HabitCompleted, Start.AddDays(1));
        await host.RecordAsync(User, EventTypes.HabitCompleted, Start.AddDays(2));
        var completing = await host.RecordAsync(User, EventTypes.HabitCompleted, Start.AddDays(2).AddHours(1));
        var returning = await host.RecordAsync(User, EventTypes.UserLoggedIn, Start.AddDays(20));
        await host.AssertNotAwardedAsync(User, window.Code, left, completing, returning);

        await host.SaveMilestonesAsync(
            TestMilestones.ReturnAfterGap("test_back_after_14", gapDays: 14),
            window with { RuleData = """{"event":"HabitCompleted","count":3,"window_days":2}""" });
        using var meter = new CatchUpMeter(host);
        var next = await host.RecordAsync(User, EventTypes.UserLoggedIn, Start.AddDays(21));
        var readByNext = meter.Take();
        var after = await host.RecordAsync(User, EventTypes.UserLoggedIn, Start.AddDays(22));
        var readByAfter = meter.Take();

        await host.AssertAwardedAsync(User, "test_back_after_14", awardedBy: next, achievedBy: returning, Start.AddDays(20));
        await host.AssertAwardedAsync(User, window.Code, awardedBy: next, achievedBy: completing, Start.AddDays(2).AddHours(1));
        Assert.True(readByNext.Full > 0, "The login after the change read no history in full.");
        Assert.Empty(after.NewlyAwarded);
        Assert.Equal(0, readByAfter.Full);
        Assert.Equal(await CatalogVersionAsync(host), (await host.StatsOfAsync(User))!.EvaluatedVersion);
    }

    [Theory, OnEachProvider]
    public async Task Two_logins_racing_a_catalog_change_award_once_and_leave_nothing_unevaluated(DatabaseProvider provider)
    {
        await using var host = await EngineHost.StartAsync(provider);
        await host.RecordAsync(User, EventTypes.WinLogged, Start);
        await host.RecordAsync(User, EventTypes.WinLogged, Start.AddDays(1));
        var completing = await host.RecordAsync(User, EventTypes.WinLogged, Start.AddDays(2));
        await host.RecordAsync(User, EventTypes.UserLoggedIn, Start.AddDays(5));

        var saving = Task.Run(() => host.SaveMilestonesAsync(ThreeWinsOnHabit), TestContext.Current.CancellationToken);
        var racing = await Task.WhenAll(
            Task.Run(() => host.RecordAsync(User, EventTypes.UserLoggedIn, Start.AddDays(6), "login-a"), TestContext.Current.CancellationToken),
            Task.Run(() => host.RecordAsync(User, EventTypes.UserLoggedIn, Start.AddDays(7), "login-b"), TestContext.Current.CancellationToken));
        await saving;
        var after = await host.RecordAsync(User, EventTypes.UserLoggedIn, Start.AddDays(8));
        using var meter = new CatchUpMeter(host);
        var last = await host.RecordAsync(User, EventTypes.UserLoggedIn, Start.AddDays(9));

        var award = await host.AwardOfAsync(User, ThreeWinsOnHabit.Code);
        Assert.NotNull(award);
        Assert.Equal((completing.EventId, Start.AddDays(2)), (award.EventId, award.AchievedAt));
        Assert.Single([.. racing, after, last], result => result.NewlyAwarded.Any(a => a.Code == ThreeWinsOnHabit.Code));
        Assert.Equal(0, meter.Take().Full);
    }

    [Theory, OnEachProvider]
    public async Task An_event_between_the_snapshot_and_the_write_makes_the_catch_up_read_again(DatabaseProvider provider)
    {
        await using var host = await EngineHost.StartAsync(provider, configureServices: InterposingSnapshots.Register);
        await host.RecordAsync(User, EventTypes.WinLogged, Start);
        await host.RecordAsync(User, EventTypes.WinLogged, Start.AddDays(1));
        await host.RecordAsync(User, EventTypes.WinLogged, Start.AddDays(5));
        await host.SaveMilestonesAsync(ThreeWinsOnHabit);
        using var meter = new CatchUpMeter(host);

        // The snapshot finds the third win at day 5; a win from day 3 arrives before the write and makes itself the third.
        EngineResult? lateWin = null;
        host.Services.GetRequiredService<InterposingSnapshots>().AfterNextRead(async () =>
            lateWin = await host.RecordAsync(User, EventTypes.WinLogged, Start.AddDays(3)));
        var login = await host.RecordAsync(User, EventTypes.UserLoggedIn, Start.AddDays(10));
        var readByLogin = meter.Take();
        var next = await host.RecordAsync(User, EventTypes.UserLoggedIn, Start.AddDays(11));

        Assert.NotNull(lateWin);
        await host.AssertAwardedAsync(User, ThreeWinsOnHabit.Code, awardedBy: lateWin, achievedBy: lateWin, Start.AddDays(3));
        Assert.DoesNotContain(login.NewlyAwarded, award => award.Code == ThreeWinsOnHabit.Code);
        Assert.Equal(1, readByLogin.Conflicts);
        Assert.Empty(next.NewlyAwarded);
        Assert.Equal(0, meter.Take().Full);
    }

    [Theory, OnEachProvider]
    public async Task A_catch_up_cut_short_after_the_login_committed_is_done_at_the_next_login(DatabaseProvider provider)
    {
        await using var host = await EngineHost.StartAsync(provider, configureServices: InterposingSnapshots.Register);
        await host.RecordAsync(User, EventTypes.WinLogged, Start);
        await host.RecordAsync(User, EventTypes.WinLogged, Start.AddDays(1));
        var completing = await host.RecordAsync(User, EventTypes.WinLogged, Start.AddDays(2));
        await host.SaveMilestonesAsync(ThreeWinsOnHabit);

        host.Services.GetRequiredService<InterposingSnapshots>().AfterNextRead(() => throw new InvalidOperationException("The process stopped here."));
        await Assert.ThrowsAsync<InvalidOperationException>(() => host.RecordAsync(User, EventTypes.UserLoggedIn, Start.AddDays(10)));
        var cutShort = await host.StatsOfAsync(User);
        var next = await host.RecordAsync(User, EventTypes.UserLoggedIn, Start.AddDays(11));

        Assert.Equal((1L, (long?)null), (cutShort!.LoginCount, cutShort.EvaluatedVersion));
        await host.AssertAwardedAsync(User, ThreeWinsOnHabit.Code, awardedBy: next, achievedBy: completing, Start.AddDays(2));
        Assert.Equal(await CatalogVersionAsync(host), (await host.StatsOfAsync(User))!.EvaluatedVersion);
    }

    /// <summary>Loads a history of daily habits ending weeks before now, then logs in, completes a habit and logs in again.</summary>
    private static async Task<(CatchUpReads First, CatchUpReads Later)> LoginTwiceAfterHabitsAsync(EngineHost host, CatchUpMeter meter, string userId, int habits)
    {
        await LoadDailyHabitsAsync(host, userId, habits, last: EngineHost.Now.AddDays(-20));
        meter.Take();
        var first = await host.RecordAsync(userId, EventTypes.UserLoggedIn, EngineHost.Now.AddDays(-10));
        var readByFirst = meter.Take();
        await host.RecordAsync(userId, EventTypes.HabitCompleted, EngineHost.Now.AddDays(-9));
        meter.Take();
        await host.RecordAsync(userId, EventTypes.UserLoggedIn, EngineHost.Now.AddDays(-5));

        Assert.Contains(first.NewlyAwarded, award => award.Code == "test_habits_2");
        return (readByFirst, meter.Take());
    }

    /// <summary>Bulk-loads <paramref name="habits"/> habits a day apart up to <paramref name="last"/>, and the stats they fold to.</summary>
    private static async Task LoadDailyHabitsAsync(EngineHost host, string userId, int habits, DateTimeOffset last)
    {
        await host.QueryAsync(async (db, cancellationToken) =>
        {
            db.Events.AddRange(Enumerable.Range(0, habits).Select(i => new StoredEvent
            {
                UserId = userId,
                EventType = EventTypes.HabitCompleted,
                OccurredAt = last.AddDays(-i),
                RecordedAt = EngineHost.Now,
            }));
            return await db.SaveChangesAsync(cancellationToken);
        });
        await host.SetStatsToFoldOfEventsAsync(userId);
    }

    private static Task<long> CatalogVersionAsync(EngineHost host) => host.QueryAsync((db, cancellationToken) =>
        db.CatalogVersions.Select(v => v.Version).SingleAsync(cancellationToken));
}
