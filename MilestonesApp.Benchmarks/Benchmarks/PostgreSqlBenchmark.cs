using MilestonesApp.Benchmarks.Fixtures;
using MilestonesApp.Benchmarks.Harness;
using MilestonesApp.Engine;
using Microsoft.Extensions.DependencyInjection;

namespace MilestonesApp.Benchmarks.Benchmarks;

/// <summary>
/// P0 to P2, on the PostgreSQL server named by <see cref="PostgreSqlDatabase.Variable"/> (skipped without one): the
/// engine on one node against a raw Npgsql floor doing the same insert and upsert, in alternating rounds; then the
/// aggregate rate of three app nodes against one, each node with the same number of concurrent writers.
/// </summary>
internal static class PostgreSqlBenchmark
{
    private const int EventsPerRun = 500;
    private const int Rounds = 12;
    private const int WritersPerNode = 4;
    private const int EventsPerWriter = 150;
    private const int NodeRounds = 6;

    public static async Task<IReadOnlyList<ResultRow>> RunAsync()
    {
        if (PostgreSqlDatabase.Server is not { } server)
        {
            var why = $"not run: set {PostgreSqlDatabase.Variable} (README, PostgreSQL and several nodes)";
            return [new ResultRow("P0-P2", "PostgreSQL rows", why, "", "", "not run")];
        }

        var history = HistoryShape.EndingLastMonth(users: 1_000, eventsPerUser: 20, days: 365);
        await using var database = await PostgreSqlDatabase.CreateAsync(server, history, extraMilestones: 17);
        EngineOn[] nodes = [new(await database.StartNodeAsync()), new(await database.StartNodeAsync()), new(await database.StartNodeAsync())];
        await using var raw = await RawNpgsqlWriter.OpenAsync(database.ConnectionString);
        var users = history.AllUsers();

        var (rawEvents, engineEvents) = (EventStream.After(history, users, "p0"), EventStream.After(history, users, "p1"));
        var single = await Timing.InterleaveAsync(
            [() => Timing.RunAsync(raw.RecordAsync, rawEvents, EventsPerRun), () => Timing.RunAsync(nodes[0].RecordAsync, engineEvents, EventsPerRun)],
            Rounds, "P0 / P1");

        // Each writer its own slice of the users, as in B2, so the nodes are measured, not one user's row lock.
        var writers = WritersPerNode * nodes.Length;
        var slices = Enumerable.Range(0, writers)
            .Select(writer => users.Where((_, i) => i % writers == writer).ToList())
            .ToList();
        var oneNode = Enumerable.Range(0, WritersPerNode)
            .Select(writer => ((Func<DomainEvent, Task>)nodes[0].RecordAsync, EventStream.After(history, slices[writer], $"p2-one-{writer}")))
            .ToList();
        var threeNodes = Enumerable.Range(0, writers)
            .Select(writer => ((Func<DomainEvent, Task>)nodes[writer % nodes.Length].RecordAsync, EventStream.After(history, slices[writer], $"p2-three-{writer}")))
            .ToList();
        var scaling = await Timing.InterleaveAsync(
            [() => Timing.RunConcurrentAsync(oneNode, EventsPerWriter), () => Timing.RunConcurrentAsync(threeNodes, EventsPerWriter)],
            NodeRounds, "P2 one node / three nodes");

        var (p0, p1) = (new Distribution(single[0].Select(s => s.EventsPerSecond)), new Distribution(single[1].Select(s => s.EventsPerSecond)));
        var ratio = Timing.Ratio(single[1], single[0], s => s.EventsPerSecond);
        var (one, three) = (new Distribution(scaling[0].Select(s => s.EventsPerSecond)), new Distribution(scaling[1].Select(s => s.EventsPerSecond)));
        var gain = Timing.Ratio(scaling[1], scaling[0], s => s.EventsPerSecond);
        return
        [
            new ResultRow("P0", "raw Npgsql, 1 connection, prepared: insert event + upsert stats per transaction (PostgreSQL 15 on this machine, synchronous_commit off)",
                $"{p0.Median:N0} events/s", p0.SpreadText, "baseline", "measured"),
            new ResultRow("P1", $"RecordAsync on PostgreSQL, 1 node, 1 writer, {history.Users:N0} users, {history.TotalEvents:N0} prior events, 30 active milestones",
                $"{p1.Median:N0} events/s = {ratio.Median:F2} × P0", ratio.SpreadText, "reported", "reported"),
            new ResultRow("P2", $"aggregate of three app nodes against one, {WritersPerNode} concurrent writers per node on distinct users",
                $"1 node {one.Median:N0}, 3 nodes {three.Median:N0} events/s = {gain.Median:F2} ×", gain.SpreadText, "reported", "reported"),
        ];
    }

    /// <summary>One app node's engine.</summary>
    private sealed class EngineOn(IServiceProvider node)
    {
        private readonly IMilestoneEngine engine = node.GetRequiredService<IMilestoneEngine>();

        public Task RecordAsync(DomainEvent domainEvent) => engine.RecordAsync(domainEvent);
    }
}
