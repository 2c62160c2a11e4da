using MilestonesApp.Benchmarks.Fixtures;
using MilestonesApp.Benchmarks.Harness;
using MilestonesApp.Data;
using MilestonesApp.Engine;

namespace MilestonesApp.Benchmarks.Benchmarks;

/// <summary>
/// B2: 32 writers calling RecordAsync at once, each on its own users, then all on one user. Every call's latency
/// counts, the wait for the engine's write path included, since that is what a request would see. The tail is judged
/// against the raw floor's (B0's writer behind an in-process gate, one transaction per event) taking the same load in
/// the same alternating rounds, so the machine's own tail falls on both sides; enough rounds that each side has over
/// 10,000 latencies and its p99.9 rests on ten or more calls.
/// </summary>
internal static class ConcurrentWritersBenchmark
{
    private const int Writers = 32;
    private const int EventsPerWriter = 40;
    private const int Rounds = 8;
    private const double TailGoal = 1.25;

    public static async Task<IReadOnlyList<ResultRow>> RunAsync(Workspace workspace, string seededPath, HistoryShape history)
    {
        await using var fixture = await EngineFixture.OpenAsync(workspace.Copy(seededPath, "b2.db"));
        await using var raw = await RawSqliteWriter.OpenAsync(EngineFixture.ConnectionStringFor(workspace.Copy(seededPath, "b2-raw.db")), SqliteSynchronous.Normal);
        var users = history.AllUsers();
        var oneUser = EventStream.After(history, [users[^1]], "b2-one");

        var engine = new ConcurrentLoad("B2", e => fixture.Engine.RecordAsync(e), EventStream.PerWriter(history, users, Writers, "b2"), EventsPerWriter);
        var floor = new ConcurrentLoad("B2", raw.RecordQueuedAsync, EventStream.PerWriter(history, users, Writers, "b2-raw"), EventsPerWriter);
        var shared = new ConcurrentLoad("B2", e => fixture.Engine.RecordAsync(e), Enumerable.Repeat(oneUser, Writers).ToArray(), EventsPerWriter);
        ConcurrentLoad[] loads = [engine, floor, shared];
        for (var round = -1; round < Rounds; round++)
        {
            for (var turn = 0; turn < loads.Length; turn++)
            {
                await loads[(turn + round + 1) % loads.Length].RunAsync(measured: round >= 0);
            }
        }

        Progress.Say($"B2 p99.9 / max: distinct {engine.Latency.Percentile(99.9):F1} / {engine.Latency.Max:F1} ms, " +
            $"one user {shared.Latency.Percentile(99.9):F1} / {shared.Latency.Max:F1} ms, raw floor {floor.Latency.Percentile(99.9):F1} / {floor.Latency.Max:F1} ms");
        Progress.Say($"WAL after B2: {Workspace.WalMegabytes(fixture.DatabasePath):F1} MB");
        return [TailRow(engine, floor), SharedRow(shared)];
    }

    private static ResultRow TailRow(ConcurrentLoad engine, ConcurrentLoad floor)
    {
        var (engineTail, floorTail) = (engine.Latency.Percentile(99.9), floor.Latency.Percentile(99.9));
        var ratio = engineTail / floorTail;
        var errors = engine.Errors + floor.Errors;
        return new ResultRow("B2",
            $"{Writers} concurrent writers on distinct users: p99.9 latency of RecordAsync vs the raw floor (B0's writer behind an in-process gate) in the same rounds",
            $"p99.9 {engineTail:F2} vs {floorTail:F2} ms = {ratio:F2} × raw ({engine.Latency.Count:N0} and {floor.Latency.Count:N0} calls); " +
            $"engine {Summary(engine)}; raw {Summary(floor)}; errors {errors}",
            new Distribution(engine.Rates).SpreadText,
            $"≤ {TailGoal} × raw p99.9, errors = 0",
            errors == 0 && ratio <= TailGoal ? "met" : "MISSED");
    }

    private static ResultRow SharedRow(ConcurrentLoad load)
    {
        var (p50, p99) = (load.Latency.Median, load.Latency.Percentile(99));
        return new ResultRow("B2", $"{Writers} concurrent writers on one user",
            $"{Summary(load)}, errors {load.Errors}", new Distribution(load.Rates).SpreadText,
            "errors = 0, p99 < 10 × p50", load.Errors == 0 && p99 < 10 * p50 ? "met" : "MISSED");
    }

    private static string Summary(ConcurrentLoad load) =>
        $"{new Distribution(load.Rates).Median:N0} events/s, p50 {load.Latency.Median:F2} ms, p99 {load.Latency.Percentile(99):F2} ms";
}
