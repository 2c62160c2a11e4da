using MilestonesApp.Benchmarks.Fixtures;
using MilestonesApp.Benchmarks.Harness;
using MilestonesApp.Data;
using MilestonesApp.Engine;

namespace MilestonesApp.Benchmarks.Benchmarks;

/// <summary>
/// B2: eight writers calling RecordAsync at once, each on its own users, then all on one user. Every call's latency
/// counts, the wait for the engine's write gate included, since that is what a request would see. For scale, the raw
/// floor (B0's writer behind the same kind of in-process gate) takes the same load in the same rounds: whatever tail
/// it shows comes from the machine, not from the engine.
/// </summary>
internal static class ConcurrentWritersBenchmark
{
    private const int Writers = 8;
    private const int EventsPerWriter = 250;
    private const int Rounds = 8;

    public static async Task<IReadOnlyList<ResultRow>> RunAsync(Workspace workspace, string seededPath, HistoryShape history)
    {
        await using var fixture = await EngineFixture.OpenAsync(workspace.Copy(seededPath, "b2.db"));
        await using var raw = await RawSqliteWriter.OpenAsync(EngineFixture.ConnectionStringFor(workspace.Copy(seededPath, "b2-raw.db")), SqliteSynchronous.Normal);
        using var rawGate = new DatabaseWriteGate();
        var users = history.AllUsers();
        EventStream[] Distinct(string prefix) => Enumerable.Range(0, Writers)
            .Select(writer => EventStream.After(history, users.Where((_, i) => i % Writers == writer).ToList(), $"{prefix}-{writer}"))
            .ToArray();
        var oneUser = EventStream.After(history, [users[^1]], "b2-one");

        var engine = new ConcurrentLoad("B2", e => fixture.Engine.RecordAsync(e), Distinct("b2"), EventsPerWriter);
        var floor = new ConcurrentLoad(
            "B2", async e => { using var writing = await rawGate.EnterAsync(CancellationToken.None); await raw.RecordAsync(e); }, Distinct("b2-raw"), EventsPerWriter);
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
        return
        [
            Row(engine, $"{Writers} concurrent writers on distinct users",
                $"; raw floor, same load: p50 {floor.Latency.Median:F2} ms, p99 {floor.Latency.Percentile(99):F2} ms"),
            Row(shared, $"{Writers} concurrent writers on one user", ""),
        ];
    }

    private static ResultRow Row(ConcurrentLoad load, string what, string note)
    {
        var (rate, latency) = (new Distribution(load.Rates), load.Latency);
        var (p50, p99) = (latency.Median, latency.Percentile(99));
        return new ResultRow("B2", what,
            $"{rate.Median:N0} events/s, p50 {p50:F2} ms, p99 {p99:F2} ms, errors {load.Errors}{note}", rate.SpreadText,
            "errors = 0, p99 < 10 × p50", load.Errors == 0 && p99 < 10 * p50 ? "met" : "MISSED");
    }
}
