using MilestonesApp.Data;
using MilestonesApp.Engine;
using MilestonesApp.Tests.Shared;

namespace MilestonesApp.Tests.Engine;

public sealed class ConcurrencyTests
{
    private const int Writers = 8;
    private const int EventsPerWriter = 250;
    private const string User = "user-1";

    // Exactly these: every seeded milestone the log reaches, and none it does not (its logins are seconds apart, so no
    // "welcome back" gap holds; "well rounded" lists three that it reaches). An extra award is as wrong as a missing one.
    private static readonly string[] SeededMilestonesReached =
    [
        "first_win", "wins_10", "wins_50", "wins_100", "wins_3_in_7",
        "first_habit", "habits_5_in_14", "habits_20_in_30", "habits_100", "logins_10", "logins_100", "well_rounded",
    ];

    [Theory, OnEachProvider]
    public async Task Eight_parallel_writers_give_exact_stats_and_each_award_once(DatabaseProvider provider)
    {
        await using var host = await EngineHost.StartAsync(provider);

        await RecordInParallelAndCheckAsync(host, _ => host.Engine);
    }

    [Theory, OnEachProvider]
    public async Task Writers_in_two_processes_without_a_shared_gate_still_get_each_award_once(DatabaseProvider provider)
    {
        await using var first = await EngineHost.StartAsync(provider);
        await using var second = await EngineHost.StartAsync(first.Database);

        await RecordInParallelAndCheckAsync(first, writer => (writer % 2 == 0 ? first : second).Engine);
    }

    private static async Task RecordInParallelAndCheckAsync(EngineHost host, Func<int, IMilestoneEngine> engineOf)
    {
        var start = EngineHost.Now.AddDays(-1);
        var events = Enumerable.Range(0, Writers).Select(writer => Enumerable.Range(0, EventsPerWriter)
                .Select(i => new DomainEvent(
                    User,
                    EventTypes.All[(writer + i) % EventTypes.All.Count],
                    start.AddSeconds((i * Writers) + writer),
                    IdempotencyKey: $"writer-{writer}-event-{i}"))
                .ToList())
            .ToList();

        var results = await Task.WhenAll(events.Select((batch, writer) => Task.Run(async () =>
        {
            var engine = engineOf(writer);
            var recorded = new List<EngineResult>();
            foreach (var domainEvent in batch)
            {
                recorded.Add(await engine.RecordAsync(domainEvent, TestContext.Current.CancellationToken));
            }

            return recorded;
        })));

        var all = events.SelectMany(batch => batch).ToList();
        var stats = await host.StatsOfAsync(User);
        Assert.NotNull(stats);
        Assert.Equal(all.Count(e => e.EventType == EventTypes.UserLoggedIn), stats.LoginCount);
        Assert.Equal(all.Count(e => e.EventType == EventTypes.WinLogged), stats.TotalWins);
        Assert.Equal(all.Count(e => e.EventType == EventTypes.HabitCompleted), stats.TotalHabitsCompleted);
        Assert.Equal(all.Where(e => e.EventType == EventTypes.UserLoggedIn).Max(e => e.OccurredAt), stats.LastLoginAt);
        Assert.Equal(all.Max(e => e.OccurredAt), stats.LastActivityAt);
        Assert.Equal(Writers * EventsPerWriter, (await host.CountRowsAsync()).Events);

        var reported = results.SelectMany(batch => batch).SelectMany(result => result.NewlyAwarded).Select(award => award.Code).ToList();
        var stored = (await host.AwardsOfAsync(User)).Select(award => award.Milestone!.Code).ToList();
        Assert.Equal(reported.Distinct().Order(), reported.Order());
        Assert.Equal(stored.Order(), reported.Order());
        Assert.Equal(SeededMilestonesReached.Order(), stored.Order());
    }
}
