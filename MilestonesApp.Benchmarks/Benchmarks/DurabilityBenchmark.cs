using MilestonesApp.Benchmarks.Fixtures;
using MilestonesApp.Benchmarks.Harness;
using MilestonesApp.Data;
using MilestonesApp.Engine;

namespace MilestonesApp.Benchmarks.Benchmarks;

/// <summary>
/// B6: what durability costs. RecordAsync with <c>synchronous</c> NORMAL and FULL at 1 and at 32 writers, each of the
/// four on its own copy of B1's history (sharing one, the 1-writer stream ran ahead in time and sent most of the
/// 32 writers' events down the late-event path, which the floor never takes); and the raw per-event-commit floor under FULL at 32 writers (B0's writer behind an
/// in-process gate: one commit, so one fsync, per event, which is what the engine did before group commit). All five
/// alternate in rounds. Then each load runs once more with its fsyncs counted, in a pass of its own, since a tracer
/// may slow what it watches.
/// </summary>
internal static class DurabilityBenchmark
{
    private const int EventsPerRun = 512;
    private const int Writers = 32;
    private const int Rounds = 6;
    private const double Goal = 5;

    public static async Task<IReadOnlyList<ResultRow>> RunAsync(Workspace workspace, string seededPath, HistoryShape history)
    {
        await using var normal = await EngineFixture.OpenAsync(workspace.Copy(seededPath, "b6-normal-1.db"), SqliteSynchronous.Normal);
        await using var full = await EngineFixture.OpenAsync(workspace.Copy(seededPath, "b6-full-1.db"), SqliteSynchronous.Full);
        await using var normal32 = await EngineFixture.OpenAsync(workspace.Copy(seededPath, "b6-normal-32.db"), SqliteSynchronous.Normal);
        await using var full32 = await EngineFixture.OpenAsync(workspace.Copy(seededPath, "b6-full-32.db"), SqliteSynchronous.Full);
        await using var raw = await RawSqliteWriter.OpenAsync(
            EngineFixture.ConnectionStringFor(workspace.Copy(seededPath, "b6-raw-full.db")), SqliteSynchronous.Full);
        var users = history.AllUsers();
        Load[] loads =
        [
            Load.Single("engine NORMAL, 1 writer", e => normal.Engine.RecordAsync(e), EventStream.After(history, users, "b6-n1")),
            Load.Single("engine FULL, 1 writer", e => full.Engine.RecordAsync(e), EventStream.After(history, users, "b6-f1")),
            Load.Concurrent("engine NORMAL, 32 writers", e => normal32.Engine.RecordAsync(e), history, users, "b6-n32"),
            Load.Concurrent("engine FULL, 32 writers", e => full32.Engine.RecordAsync(e), history, users, "b6-f32"),
            Load.Concurrent("raw FULL, 32 writers", raw.RecordQueuedAsync, history, users, "b6-r32"),
        ];
        var samples = await Timing.InterleaveAsync(loads.Select(load => load.RunAsync).ToList(), Rounds, string.Join(" / ", loads.Select(l => l.Name)));

        var counter = await FsyncCounter.FindAsync(workspace.Folder);
        var perEvent = new string[loads.Length];
        for (var i = 0; i < loads.Length; i++)
        {
            perEvent[i] = counter is null ? "fsyncs not counted" : $"{await counter.CountAsync(() => loads[i].RunAsync()) / (double)EventsPerRun:F2} fsyncs/event";
            Progress.Say($"B6 {loads[i].Name}: {perEvent[i]}");
        }

        var rate = samples.Select(s => new Distribution(s.Select(x => x.EventsPerSecond)).Median).ToArray();
        string Figure(int i) => $"{rate[i]:N0} events/s ({perEvent[i]})";
        var fullVsNormal = Timing.Ratio(samples[1], samples[0], s => s.EventsPerSecond);
        var groupGain = Timing.Ratio(samples[3], samples[4], s => s.EventsPerSecond);
        var fullVsNormalConcurrent = Timing.Ratio(samples[3], samples[2], s => s.EventsPerSecond);
        var normalVsRaw = Timing.Ratio(samples[2], samples[4], s => s.EventsPerSecond);
        var how = counter is null
            ? "; fsyncs not counted: neither perf (syscalls tracepoints) nor strace could count this process's calls here"
            : $"; fsyncs counted with {counter.Tool} in a pass of {EventsPerRun} events each";
        return
        [
            new ResultRow("B6", "synchronous FULL vs NORMAL, RecordAsync, 1 writer (B1's history and load)",
                $"NORMAL {Figure(0)}, FULL {Figure(1)}: FULL = {fullVsNormal.Median:F2} × NORMAL", fullVsNormal.SpreadText,
                "reported; default NORMAL", "reported"),
            new ResultRow("B6", $"synchronous FULL, {Writers} concurrent writers on distinct users: RecordAsync vs the raw per-event-commit floor (B0's writer behind an in-process gate)",
                $"engine FULL {Figure(3)} = {groupGain.Median:F2} × raw FULL {Figure(4)}; engine NORMAL {Figure(2)}: " +
                $"FULL = {fullVsNormalConcurrent.Median:F2} × NORMAL at {Writers} writers; engine NORMAL = {normalVsRaw.Median:F2} × raw FULL " +
                $"(FULL's ceiling with group commit); each load on its own database{how}", groupGain.SpreadText,
                $"engine FULL ≥ {Goal} × raw FULL", groupGain.Median >= Goal ? "met" : "MISSED"),
        ];
    }

    /// <summary>One contender: <see cref="EventsPerRun"/> events per run, from one writer or split over <see cref="Writers"/>.</summary>
    private sealed record Load(string Name, Func<Task<RunSample>> RunAsync)
    {
        public static Load Single(string name, Func<DomainEvent, Task> record, EventStream stream) =>
            new(name, () => Timing.RunAsync(record, stream, EventsPerRun));

        public static Load Concurrent(string name, Func<DomainEvent, Task> record, HistoryShape history, IReadOnlyList<string> users, string prefix)
        {
            var writers = EventStream.PerWriter(history, users, Writers, prefix).Select(stream => (record, stream)).ToList();
            return new(name, () => Timing.RunConcurrentAsync(writers, EventsPerRun / Writers));
        }
    }
}
