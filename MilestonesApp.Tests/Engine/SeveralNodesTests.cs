using Microsoft.EntityFrameworkCore;
using MilestonesApp.Data;
using MilestonesApp.Engine;
using MilestonesApp.Tests.Shared;
using Npgsql;

namespace MilestonesApp.Tests.Engine;

/// <summary>Several app nodes on one database: nothing that decides an award lives in one process.</summary>
public sealed class SeveralNodesTests
{
    private const string Habits5In14 = "habits_5_in_14";

    [Theory, OnEachProvider]
    public async Task A_definition_saved_or_switched_off_on_one_node_holds_at_the_next_event_on_another(DatabaseProvider provider)
    {
        await using var first = await EngineHost.StartAsync(provider);
        await using var second = await EngineHost.StartAsync(first.Database);
        await second.RecordAsync("warm-up", EventTypes.WinLogged, EngineHost.Now, "warm-up");
        var definition = TestMilestones.Count("saved_elsewhere", StatsCounters.TotalWins, 1);

        await first.SaveMilestonesAsync(definition);
        var afterSave = await second.RecordAsync("user-1", EventTypes.WinLogged, EngineHost.Now, "win-1");
        await first.SaveMilestonesAsync(definition with { IsActive = false });
        var afterSwitchOff = await second.RecordAsync("user-2", EventTypes.WinLogged, EngineHost.Now, "win-2");

        Assert.Contains(afterSave.NewlyAwarded, award => award.Code == definition.Code);
        Assert.DoesNotContain(afterSwitchOff.NewlyAwarded, award => award.Code == definition.Code);
        Assert.Null(await first.AwardOfAsync("user-2", definition.Code));
    }

    [Theory, OnEachProvider]
    public async Task Nodes_starting_together_on_an_empty_database_migrate_and_seed_it_once(DatabaseProvider provider)
    {
        using var database = TestDatabases.Create(provider);

        var nodes = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => EngineHost.StartAsync(database))));
        await using var first = nodes[0];
        await using var second = nodes[1];
        await using var third = nodes[2];

        var codes = (await first.Catalog.ListAsync(TestContext.Current.CancellationToken)).Select(definition => definition.Code).ToList();
        Assert.NotEmpty(codes);
        Assert.Equal(codes.Distinct().Count(), codes.Count);
        Assert.Equal(codes, (await third.Catalog.ListAsync(TestContext.Current.CancellationToken)).Select(definition => definition.Code));
    }

    [Fact]
    public async Task Two_nodes_racing_the_4th_and_5th_habit_give_one_window_award_at_the_5th()
    {
        await using var first = await EngineHost.StartAsync(DatabaseProvider.PostgreSql);
        await using var second = await EngineHost.StartAsync(first.Database);
        const string user = "racer";
        var start = EngineHost.Now.AddDays(-5);
        for (var i = 0; i < 3; i++)
        {
            await first.RecordAsync(user, EventTypes.HabitCompleted, start.AddHours(i), $"habit-{i}");
        }

        // Hold the user's stats row, so both events are inserted and both writers wait at their upsert; then let go.
        await using var blocker = new NpgsqlConnection(first.Database.ConnectionString);
        await blocker.OpenAsync(TestContext.Current.CancellationToken);
        var holding = await blocker.BeginTransactionAsync(TestContext.Current.CancellationToken);
        await ExecuteAsync(blocker, $"SELECT 1 FROM user_stats WHERE user_id = '{user}' FOR UPDATE");
        var fourth = first.RecordAsync(user, EventTypes.HabitCompleted, start.AddHours(3), "habit-3");
        var fifth = second.RecordAsync(user, EventTypes.HabitCompleted, start.AddHours(4), "habit-4");

        // Watched from a connection of its own: inside a transaction, pg_stat_activity keeps showing its first snapshot.
        await using var watcher = new NpgsqlConnection(first.Database.ConnectionString);
        await watcher.OpenAsync(TestContext.Current.CancellationToken);
        while (await WritersWaitingForLocksAsync(watcher) < 2)
        {
            Assert.False(fourth.IsCompleted || fifth.IsCompleted, "A writer finished while the user's stats row was held.");
            await Task.Yield();
        }

        await holding.CommitAsync(TestContext.Current.CancellationToken);
        var results = await Task.WhenAll(fourth, fifth);

        var award = await first.AwardOfAsync(user, Habits5In14);
        Assert.NotNull(award);
        Assert.Single(results, result => result.NewlyAwarded.Any(a => a.Code == Habits5In14));
        Assert.Equal(results[1].EventId, award.EventId);
        Assert.Equal(start.AddHours(4), award.AchievedAt);
        Assert.Equal(5, (await first.StatsOfAsync(user))!.TotalHabitsCompleted);
    }

    [Fact]
    public async Task Three_nodes_with_retries_on_other_nodes_store_each_event_and_award_once()
    {
        await using var node1 = await EngineHost.StartAsync(DatabaseProvider.PostgreSql);
        await using var node2 = await EngineHost.StartAsync(node1.Database);
        await using var node3 = await EngineHost.StartAsync(node1.Database);
        EngineHost[] nodes = [node1, node2, node3];
        var plan = ThreeNodePlan.Make(seed: 9, writers: 6, eventsPerWriter: 60, users: 10, retryShare: 0.3);

        var outcomes = await Task.WhenAll(plan.Writers.Select((events, writer) => Task.Run(async () =>
        {
            var recorded = new List<(DomainEvent Event, EngineResult Result)>();
            foreach (var (domainEvent, retried) in events)
            {
                var node = nodes[writer % nodes.Length];
                if (!retried)
                {
                    recorded.Add((domainEvent, await node.Engine.RecordAsync(domainEvent, TestContext.Current.CancellationToken)));
                    continue;
                }

                // The retry reaches another node while the first attempt may still be running.
                var other = nodes[(writer + 1) % nodes.Length];
                var both = await Task.WhenAll(
                    node.Engine.RecordAsync(domainEvent, TestContext.Current.CancellationToken),
                    other.Engine.RecordAsync(domainEvent, TestContext.Current.CancellationToken));
                Assert.Single(both, result => !result.WasDuplicate);
                Assert.Equal(both[0].EventId, both[1].EventId);
                Assert.Equal(both[0].NewlyAwarded.Select(a => a.Code).Order(), both[1].NewlyAwarded.Select(a => a.Code).Order());
                recorded.Add((domainEvent, both.Single(result => !result.WasDuplicate)));
            }

            return recorded;
        })));

        var all = outcomes.SelectMany(outcome => outcome).ToList();
        Assert.Equal(plan.Writers.Sum(events => events.Count), all.Count);
        Assert.Equal(all.Count, (await node1.CountRowsAsync()).Events);
        foreach (var user in all.GroupBy(entry => entry.Event.UserId))
        {
            var stats = await node1.StatsOfAsync(user.Key);
            Assert.NotNull(stats);
            Assert.Equal(user.Count(e => e.Event.EventType == EventTypes.UserLoggedIn), stats.LoginCount);
            Assert.Equal(user.Count(e => e.Event.EventType == EventTypes.WinLogged), stats.TotalWins);
            Assert.Equal(user.Count(e => e.Event.EventType == EventTypes.HabitCompleted), stats.TotalHabitsCompleted);
        }

        var reported = all.SelectMany(entry => entry.Result.NewlyAwarded.Select(award => (entry.Event.UserId, award.Code))).ToList();
        var stored = await node1.QueryAsync((db, ct) => db.UserMilestones.AsNoTracking()
            .Select(a => new { a.UserId, a.Milestone!.Code }).ToListAsync(ct));
        var storedPairs = stored.Select(a => (a.UserId, a.Code)).ToList();
        Assert.NotEmpty(reported);
        Assert.Equal(reported.Distinct().Count(), reported.Count);
        Assert.Equal(storedPairs.Distinct().Count(), storedPairs.Count);
        Assert.Equal(storedPairs.Order(), reported.Order());

        var edit = TestMilestones.Count("edited_on_node_1", StatsCounters.TotalWins, 1);
        await node1.SaveMilestonesAsync(edit);
        var onNode3 = await node3.RecordAsync("after-edit", EventTypes.WinLogged, EngineHost.Now, "after-edit");
        Assert.Contains(onNode3.NewlyAwarded, award => award.Code == edit.Code);
    }

    private static async Task<int> WritersWaitingForLocksAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'", connection);
        return Convert.ToInt32(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Each writer's events, in order, over users the writers share; some marked to be sent to two nodes at once.</summary>
    private sealed record ThreeNodePlan(IReadOnlyList<IReadOnlyList<(DomainEvent Event, bool Retried)>> Writers)
    {
        public static ThreeNodePlan Make(int seed, int writers, int eventsPerWriter, int users, double retryShare)
        {
            var random = new Random(seed);
            var start = EngineHost.Now.AddDays(-30);
            return new ThreeNodePlan(Enumerable.Range(0, writers).Select(writer => (IReadOnlyList<(DomainEvent, bool)>)Enumerable.Range(0, eventsPerWriter)
                .Select(i => (new DomainEvent(
                        $"user-{random.Next(users)}",
                        EventTypes.All[random.Next(EventTypes.All.Count)],
                        start.AddMinutes(((i * writers) + writer) * 10),
                        IdempotencyKey: $"writer-{writer}-event-{i}"),
                    random.NextDouble() < retryShare))
                .ToList()).ToList());
        }
    }
}
