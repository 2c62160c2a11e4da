using CsCheck;
using MilestonesApp.Data;
using MilestonesApp.Data.Entities;
using MilestonesApp.Engine;
using MilestonesApp.Engine.Rules;
using MilestonesApp.Tests.Shared;
using static MilestonesApp.Tests.Engine.ReferenceModel;

namespace MilestonesApp.Tests.Engine;

public sealed class ReplayPropertyTests
{
    // Each event of several users' logs is overtaken by up to MaxOvertaken later ones, or arrives after all of them.
    private const int MaxOvertaken = 6;
    private const int ArrivesLast = MaxOvertaken + 1;

    // Steps sit on and beside the rule edges below (1 and 2 days, gaps of 2 and 3 days) and repeat instants (zero).
    private static readonly TimeSpan[] Steps =
    [
        TimeSpan.Zero, TimeSpan.FromMilliseconds(1), TimeSpan.FromHours(1), TimeSpan.FromHours(23),
        TimeSpan.FromDays(1), TimeSpan.FromDays(1).Add(TimeSpan.FromMilliseconds(1)), TimeSpan.FromDays(2), TimeSpan.FromDays(3),
        TimeSpan.FromDays(15), TimeSpan.FromDays(61),
    ];

    // Small thresholds so that short logs reach them, with triggers that differ from the counted event.
    private static readonly MilestoneDefinition[] Catalog =
    [
        TestMilestones.Count("prop_wins_2", StatsCounters.TotalWins, 2),
        TestMilestones.Count("prop_logins_3_on_habit", StatsCounters.LoginCount, 3, trigger: EventTypes.HabitCompleted),
        TestMilestones.Count("prop_wins_2_on_habit", StatsCounters.TotalWins, 2, trigger: EventTypes.HabitCompleted),
        TestMilestones.WindowCount("prop_habits_3_in_2", EventTypes.HabitCompleted, count: 3, windowDays: 2),
        TestMilestones.WindowCount("prop_wins_2_in_1_on_login", EventTypes.WinLogged, count: 2, windowDays: 1, trigger: EventTypes.UserLoggedIn),
        TestMilestones.WindowCount("prop_habits_2_in_1_on_win", EventTypes.HabitCompleted, count: 2, windowDays: 1, trigger: EventTypes.WinLogged),
        TestMilestones.ReturnAfterGap("prop_back_after_2", gapDays: 2),
        TestMilestones.ReturnAfterGap("prop_back_after_3", gapDays: 3),
        TestMilestones.Count("prop_inactive", StatsCounters.TotalWins, 1) with { IsActive = false },
        TestMilestones.AllOf("prop_wins_and_habits", ["prop_wins_2", "prop_habits_3_in_2"]),
        // Two of three, one of which is a return (order-dependent) and one another all_of (a cascade).
        TestMilestones.AllOf("prop_two_of_three", ["prop_wins_2_on_habit", "prop_back_after_2", "prop_wins_and_habits"], count: 2),
    ];

    // Saved partway through a log, with triggers that differ from what they count, so catch-up is what finds most.
    private static readonly MilestoneDefinition[] SavedMidStream =
    [
        TestMilestones.Count("mid_wins_2_on_habit", StatsCounters.TotalWins, 2, trigger: EventTypes.HabitCompleted),
        TestMilestones.WindowCount("mid_habits_2_in_1_on_win", EventTypes.HabitCompleted, count: 2, windowDays: 1, trigger: EventTypes.WinLogged),
        TestMilestones.ReturnAfterGap("mid_back_after_2", gapDays: 2),
    ];

    private static readonly DateTimeOffset Origin = EngineHost.Now.AddYears(-5);

    private static readonly Gen<(string EventType, TimeSpan Step)[]> Logs =
        Gen.Select(Gen.OneOf([.. EventTypes.All]), Gen.OneOf(Steps)).Array[0, 20];

    private static readonly Gen<(int User, string EventType, TimeSpan Step, int Delay)[]> DeliveredLogs =
        Gen.Select(Gen.Int[0, 2], Gen.OneOf([.. EventTypes.All]), Gen.OneOf(Steps), Gen.Frequency((19, Gen.Int[0, MaxOvertaken]), (1, Gen.Const(ArrivesLast))))
            .Array[0, 30];

    [Theory, OnEachProvider]
    public async Task Real_time_awards_equal_a_fresh_evaluation_of_the_whole_log_and_stats_equal_its_fold(DatabaseProvider provider)
    {
        await using var host = await EngineHost.StartAsync(provider);
        var active = await SaveCatalogAsync(host);

        await Logs.SampleAsync(async steps =>
        {
            var user = Guid.NewGuid().ToString("N");
            var log = new List<LoggedEvent>();
            var reported = new List<(int Event, string Code)>();
            var at = Origin;
            foreach (var (eventType, step) in steps)
            {
                at += step;
                var result = await host.RecordAsync(user, eventType, at);
                log.Add(new LoggedEvent(result.EventId, eventType, at));
                reported.AddRange(result.NewlyAwarded.Select(award => (log.Count - 1, award.Code)));
            }

            var expected = Awards(active, log);
            var stored = await host.AwardsOfAsync(user);
            Assert.Equal(expected.Select(award => Receipt(award.Code, award.Receipt)).Order(), stored.Select(Receipt).Order());
            Assert.Equal(expected.Select(award => (award.AwardedAtEvent, award.Code)).Order(), reported.Order());

            await AssertStatsAreTheFoldAsync(host, user, log);
        }, iter: 150);
    }

    [Theory, OnEachProvider]
    public async Task Shuffled_delivery_of_several_users_logs_gives_the_awards_and_receipts_of_their_time_order(DatabaseProvider provider)
    {
        await using var host = await EngineHost.StartAsync(provider);
        var active = await SaveCatalogAsync(host);

        await DeliveredLogs.SampleAsync(async events =>
        {
            var users = Enumerable.Range(0, 3).Select(_ => Guid.NewGuid().ToString("N")).ToArray();
            var clocks = users.Select(_ => Origin).ToArray();
            var timed = events.Select(e => (e.User, e.EventType, At: clocks[e.User] += e.Step)).ToArray();
            var delivery = Enumerable.Range(0, events.Length)
                .OrderBy(i => events[i].Delay == ArrivesLast ? int.MaxValue : i + events[i].Delay)
                .ThenBy(i => i)
                .ToList();

            var arrivals = users.Select(_ => new List<LoggedEvent>()).ToArray();
            var reported = users.Select(_ => new List<(int Arrival, string Code)>()).ToArray();
            foreach (var i in delivery)
            {
                var (user, eventType, at) = timed[i];
                var result = await host.RecordAsync(users[user], eventType, at);
                arrivals[user].Add(new LoggedEvent(result.EventId, eventType, at));
                reported[user].AddRange(result.NewlyAwarded.Select(award => (arrivals[user].Count - 1, award.Code)));
            }

            var orderDependent = OrderDependent(active);
            for (var user = 0; user < users.Length; user++)
            {
                var stored = (await host.AwardsOfAsync(users[user])).Select(Receipt).ToList();

                // What does not depend on arrival order (count, window_count and what lists only those): the awards and
                // receipts of evaluating the log afresh in time order, ties at one instant by id.
                var inTimeOrder = arrivals[user].OrderBy(e => e.OccurredAt).ThenBy(e => e.Id).ToList();
                Assert.Equal(
                    Awards(active, inTimeOrder).Where(award => !orderDependent.Contains(award.Code)).Select(award => Receipt(award.Code, award.Receipt)).Order(),
                    stored.Where(award => !orderDependent.Contains(award.Code)).Order());

                // All of it, the order-dependent part (return_after_gap and what lists it) included: the bookkeeping
                // of arrivals, and each award reported by the arrival that first made it held.
                var (held, celebrated) = AwardsDelivered(active, arrivals[user]);
                Assert.Equal(held.Select(award => Receipt(award.Code, award.Receipt)).Order(), stored.Order());
                Assert.Equal(celebrated.Order(), reported[user].Order());

                await AssertStatsAreTheFoldAsync(host, users[user], arrivals[user]);
            }
        }, iter: 100);
    }

    [Theory, OnEachProvider]
    public async Task Milestones_saved_mid_stream_are_awarded_as_a_fresh_evaluation_from_the_moment_they_were_saved(DatabaseProvider provider)
    {
        await using var host = await EngineHost.StartAsync(provider);
        var active = await SaveCatalogAsync(host);

        await Gen.Select(Logs, Gen.Int[0, 20]).SampleAsync(async (steps, savedBefore) =>
        {
            var user = Guid.NewGuid().ToString("N");
            var saved = SavedMidStream.Select(milestone => milestone with { Code = $"{milestone.Code}_{Guid.NewGuid():N}" }).ToArray();
            var log = new List<LoggedEvent>();
            var reported = new List<(int Event, string Code)>();
            var at = Origin;
            foreach (var (eventType, step) in steps)
            {
                if (log.Count == savedBefore)
                {
                    await host.SaveMilestonesAsync(saved);
                }

                at += step;
                var result = await host.RecordAsync(user, eventType, at);
                log.Add(new LoggedEvent(result.EventId, eventType, at));
                reported.AddRange(result.NewlyAwarded.Select(award => (log.Count - 1, award.Code)));
            }

            // Samples may run side by side: another sample's milestones are not this one's to check.
            var codes = active.Concat(saved).Select(milestone => milestone.Code).ToHashSet();
            var expected = Awards(active, log).Concat(Awards(saved, log, Math.Min(savedBefore, log.Count))).ToList();
            var stored = await host.AwardsOfAsync(user);
            Assert.Equal(
                expected.Select(award => Receipt(award.Code, award.Receipt)).Order(),
                stored.Where(award => codes.Contains(award.Milestone!.Code)).Select(Receipt).Order());
            Assert.Equal(expected.Select(award => (award.AwardedAtEvent, award.Code)).Order(), reported.Where(award => codes.Contains(award.Code)).Order());
            await host.SaveMilestonesAsync([.. saved.Select(milestone => milestone with { IsActive = false })]);
        }, iter: 100);
    }

    // A receipt names its proving event: two events at one instant must not be confused.
    private static (string Code, DateTimeOffset AchievedAt, long EventId) Receipt(string code, RecordedEvent receipt) => (code, receipt.OccurredAt, receipt.Id);

    private static (string Code, DateTimeOffset AchievedAt, long EventId) Receipt(UserMilestone award) => (award.Milestone!.Code, award.AchievedAt, award.EventId!.Value);

    private static async Task<List<MilestoneDefinition>> SaveCatalogAsync(EngineHost host)
    {
        await host.SaveMilestonesAsync(Catalog);
        return (await host.Catalog.ListAsync(TestContext.Current.CancellationToken)).Where(m => m.IsActive).ToList();
    }

    private static async Task AssertStatsAreTheFoldAsync(EngineHost host, string user, IReadOnlyList<LoggedEvent> log)
    {
        var stats = await host.StatsOfAsync(user);
        Assert.Equal(
            Stats(log),
            stats is null ? null : new ExpectedStats(stats.LoginCount, stats.TotalWins, stats.TotalHabitsCompleted, stats.LastLoginAt, stats.LastActivityAt));
    }
}
