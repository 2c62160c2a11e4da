using MilestonesApp.Benchmarks.Fixtures;
using MilestonesApp.Benchmarks.Harness;
using MilestonesApp.Data;

namespace MilestonesApp.Benchmarks.Benchmarks;

/// <summary>
/// B0 and B1, each writer on its own copy of one seeded history, alternating in many short rounds; their ratio is
/// taken within each round.
/// </summary>
internal static class SingleWriterBenchmark
{
    private const int EventsPerRun = 1_000;
    private const int Rounds = 30;
    private const double Goal = 0.9;

    public static async Task<IReadOnlyList<ResultRow>> RunAsync(Workspace workspace, string seededPath, HistoryShape history)
    {
        var users = history.AllUsers();
        var rawPath = workspace.Copy(seededPath, "b0.db");
        await using var raw = await RawSqliteWriter.OpenAsync(EngineFixture.ConnectionStringFor(rawPath), SqliteSynchronous.Normal);
        await using var normal = await EngineFixture.OpenAsync(workspace.Copy(seededPath, "b1.db"), SqliteSynchronous.Normal);
        var (rawEvents, engineEvents) = (EventStream.After(history, users, "b0"), EventStream.After(history, users, "b1"));
        Func<Task<RunSample>> floor = () => Timing.RunAsync(raw.RecordAsync, rawEvents, EventsPerRun);
        Func<Task<RunSample>> engine = () => Timing.RunAsync(e => normal.Engine.RecordAsync(e), engineEvents, EventsPerRun);

        var baseline = await Timing.InterleaveAsync([floor, engine], Rounds, "B0 / B1");
        Progress.Say($"WAL after B0/B1: {Workspace.WalMegabytes(rawPath):F1} / {Workspace.WalMegabytes(normal.DatabasePath):F1} MB");

        var (b0, b1) = (new Distribution(baseline[0].Select(s => s.EventsPerSecond)), new Distribution(baseline[1].Select(s => s.EventsPerSecond)));
        var ratio = Timing.Ratio(baseline[1], baseline[0], s => s.EventsPerSecond);
        var cpuRatio = Timing.Ratio(baseline[0], baseline[1], s => s.CpuMicrosecondsPerEvent);
        return
        [
            new ResultRow("B0", "raw Microsoft.Data.Sqlite, 1 transaction per event: insert event + upsert stats (WAL, NORMAL, the app's checkpointing)",
                $"{b0.Median:N0} events/s", b0.SpreadText, "baseline", "measured"),
            new ResultRow("B1", $"RecordAsync, 1 writer, WAL + NORMAL, {history.Users:N0} users, {history.TotalEvents:N0} prior events, 30 active milestones",
                $"{b1.Median:N0} events/s = {ratio.Median:F2} × B0 (by CPU time {cpuRatio.Median:F2} ×)", ratio.SpreadText, $"≥ {Goal} × B0",
                ratio.Median >= Goal ? "met" : "MISSED"),
        ];
    }
}
