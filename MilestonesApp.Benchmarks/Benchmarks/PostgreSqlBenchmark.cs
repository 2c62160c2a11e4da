using Microsoft.Extensions.DependencyInjection;
using MilestonesApp.Benchmarks.Fixtures;
using MilestonesApp.Benchmarks.Harness;
using MilestonesApp.Engine;

namespace MilestonesApp.Benchmarks.Benchmarks;

/// <summary>
/// P0 to P2, on the PostgreSQL server named by <see cref="PostgreSqlDatabase.Variable"/> (skipped without one): the
/// engine on one node against a raw Npgsql floor doing the same insert and upsert, in alternating rounds; then the
/// aggregate rate of three app nodes against one, each node with the same number of concurrent writers. Every
/// contender writes to a database of its own, built alike, so each records in-order events only: on a shared database
/// the later contenders' events fell behind the users' latest and took the late-event path.
/// </summary>
internal static class PostgreSqlBenchmark
{
    private const int EventsPerRun = 500;
    private const int Rounds = 12;
    private const int WritersPerNode = 4;
    private const int EventsPerWriter = 150;
    private const int NodeRounds = 6;
    private const int CountedEvents = 500;
    private const double Goal = 0.6;

    public static async Task<IReadOnlyList<ResultRow>> RunAsync()
    {
        if (PostgreSqlDatabase.Server is not { } server)
        {
            var why = $"not run: set {PostgreSqlDatabase.Variable} (README, PostgreSQL and several nodes)";
            return [new ResultRow("P0-P2", "PostgreSQL rows", why, "", "", "not run")];
        }

        var history = HistoryShape.EndingLastMonth(users: 1_000, eventsPerUser: 20, days: 365);
        await using var rawData = await PostgreSqlDatabase.CreateAsync(server, history, extraMilestones: 17);
        await using var engineData = await PostgreSqlDatabase.CreateAsync(server, history, extraMilestones: 17);
        await using var oneNodeData = await PostgreSqlDatabase.CreateAsync(server, history, extraMilestones: 17);
        await using var threeNodeData = await PostgreSqlDatabase.CreateAsync(server, history, extraMilestones: 17);
        await using var raw = await RawNpgsqlWriter.OpenAsync(rawData.ConnectionString);
        var engine = new EngineOn(engineData.FirstNode);
        EngineOn[] nodes = [new(threeNodeData.FirstNode), new(await threeNodeData.StartNodeAsync()), new(await threeNodeData.StartNodeAsync())];
        var users = history.AllUsers();

        var (rawEvents, engineEvents) = (EventStream.After(history, users, "p0"), EventStream.After(history, users, "p1"));
        var single = await Timing.InterleaveAsync(
            [() => Timing.RunAsync(raw.RecordAsync, rawEvents, EventsPerRun), () => Timing.RunAsync(engine.RecordAsync, engineEvents, EventsPerRun)],
            Rounds, "P0 / P1");
        var trips = await CountRoundTripsAsync((raw, rawEvents, rawData.Name), (engine, engineEvents, engineData.Name));

        // Each writer its own slice of the users, as in B2, so the nodes are measured, not one user's row lock.
        var writers = WritersPerNode * nodes.Length;
        var slices = Enumerable.Range(0, writers)
            .Select(writer => users.Where((_, i) => i % writers == writer).ToList())
            .ToList();
        var oneNode = new EngineOn(oneNodeData.FirstNode);
        var oneNodeWriters = Enumerable.Range(0, WritersPerNode)
            .Select(writer => ((Func<DomainEvent, Task>)oneNode.RecordAsync, EventStream.After(history, slices[writer], $"p2-one-{writer}")))
            .ToList();
        var threeNodeWriters = Enumerable.Range(0, writers)
            .Select(writer => ((Func<DomainEvent, Task>)nodes[writer % nodes.Length].RecordAsync, EventStream.After(history, slices[writer], $"p2-three-{writer}")))
            .ToList();
        var scaling = await Timing.InterleaveAsync(
            [() => Timing.RunConcurrentAsync(oneNodeWriters, EventsPerWriter), () => Timing.RunConcurrentAsync(threeNodeWriters, EventsPerWriter)],
            NodeRounds, "P2 one node / three nodes");

        var (p0, p1) = (new Distribution(single[0].Select(s => s.EventsPerSecond)), new Distribution(single[1].Select(s => s.EventsPerSecond)));
        var (cpu0, cpu1) = (new Distribution(single[0].Select(s => s.CpuMicrosecondsPerEvent)), new Distribution(single[1].Select(s => s.CpuMicrosecondsPerEvent)));
        var ratio = Timing.Ratio(single[1], single[0], s => s.EventsPerSecond);
        var (one, three) = (new Distribution(scaling[0].Select(s => s.EventsPerSecond)), new Distribution(scaling[1].Select(s => s.EventsPerSecond)));
        var gain = Timing.Ratio(scaling[1], scaling[0], s => s.EventsPerSecond);
        return
        [
            new ResultRow("P0", "raw Npgsql, 1 connection, prepared: insert event + upsert stats per transaction (PostgreSQL 15 on this machine, synchronous_commit off), database of its own",
                $"{p0.Median:N0} events/s; {trips.Raw}; app CPU {cpu0.Median:F0} µs/event", p0.SpreadText, "baseline", "measured"),
            new ResultRow("P1", $"RecordAsync on PostgreSQL, 1 node, 1 writer, {history.Users:N0} users, {history.TotalEvents:N0} prior events, 30 active milestones, database of its own (in-order events only)",
                $"{p1.Median:N0} events/s = {ratio.Median:F2} × P0; {trips.Engine}; app CPU {cpu1.Median:F0} µs/event = {cpu1.Median / cpu0.Median:F2} × P0's",
                ratio.SpreadText, $"≥ {Goal} × P0", ratio.Median >= Goal ? "met" : "MISSED"),
            new ResultRow("P2", $"aggregate of three app nodes against one, {WritersPerNode} concurrent writers per node on distinct users, each side on a database of its own (in-order events only)",
                $"1 node {one.Median:N0}, 3 nodes {three.Median:N0} events/s = {gain.Median:F2} × (one machine: nodes, server and load share 2 cores)", gain.SpreadText, "reported", "reported"),
        ];
    }

    /// <summary>
    /// Round trips per event, in a pass of its own after the timed rounds (tracing costs time): the commands Npgsql
    /// sent plus each event's commit, with how many ran prepared; the engine's also split by the awards each event made.
    /// </summary>
    private static async Task<(string Raw, string Engine)> CountRoundTripsAsync(
        (RawNpgsqlWriter Writer, EventStream Events, string Database) raw, (EngineOn Writer, EventStream Events, string Database) engine)
    {
        (int Commands, int Prepared, int Other) rawCount;
        using (var counter = new NpgsqlRoundTrips(raw.Database))
        {
            await Timing.RunAsync(raw.Writer.RecordAsync, raw.Events, CountedEvents);
            rawCount = counter.Take();
        }

        // Event by event, so the trips of an event that awards nothing show apart from those of one that awards.
        var byAwards = new SortedDictionary<long, (int Events, int Commands)>();
        var (commands, prepared) = (0, 0);
        using (var counter = new NpgsqlRoundTrips(engine.Database))
        {
            for (var i = 0; i < CountedEvents; i++)
            {
                var awardsBefore = engine.Writer.Awards;
                await engine.Writer.RecordAsync(engine.Events.Next());
                var count = counter.Take();
                var awards = engine.Writer.Awards - awardsBefore;
                var (events, sent) = byAwards.GetValueOrDefault(awards);
                byAwards[awards] = (events + 1, sent + count.Commands);
                (commands, prepared) = (commands + count.Commands, prepared + count.Prepared);
            }
        }

        var split = string.Join(", ", byAwards.Select(group =>
            $"{group.Key} awards: {(double)(group.Value.Commands + group.Value.Events) / group.Value.Events:F2} (n={group.Value.Events})"));
        Progress.Say($"P0 / P1 round trips over {CountedEvents} events each: raw {rawCount}; engine {commands} commands, {prepared} prepared; by awards per event {split}");
        return (Describe(rawCount.Commands, rawCount.Prepared), $"{Describe(commands, prepared)}; by awards made: {split}");

        static string Describe(int commands, int prepared) =>
            $"{(double)(commands + CountedEvents) / CountedEvents:F2} round trips/event ({(double)commands / CountedEvents:F2} commands + the commit, {(double)prepared / Math.Max(1, commands):P0} prepared)";
    }

    /// <summary>One app node's engine, counting the awards it reports.</summary>
    private sealed class EngineOn(IServiceProvider node)
    {
        private readonly IMilestoneEngine engine = node.GetRequiredService<IMilestoneEngine>();
        private long awards;

        public long Awards => Interlocked.Read(ref awards);

        public async Task RecordAsync(DomainEvent domainEvent)
        {
            var result = await engine.RecordAsync(domainEvent);
            Interlocked.Add(ref awards, result.NewlyAwarded.Count);
        }
    }
}
