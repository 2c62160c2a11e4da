using MilestonesApp.Benchmarks.Fixtures;
using MilestonesApp.Benchmarks.Harness;
using MilestonesApp.Data;
using MilestonesApp.Engine;

namespace MilestonesApp.Benchmarks.Benchmarks;

/// <summary>
/// B0, B1 and B6, each writer on its own copy of one seeded history. B0 and B1 alternate in many short rounds and
/// their ratio is taken within each round; then B1 alternates with the same engine under synchronous FULL, whose
/// fsyncs would otherwise disturb the runs that follow them.
/// </summary>
internal static class SingleWriterBenchmark
{
    private const int EventsPerRun = 1_000;
    private const int Rounds = 30;
    private const int DurabilityRounds = 8;

    public static async Task<IReadOnlyList<ResultRow>> RunAsync(Workspace workspace, string seededPath, HistoryShape history)
    {
        var users = history.AllUsers();
        var rawPath = workspace.Copy(seededPath, "b0.db");
        await using var raw = await RawSqliteWriter.OpenAsync(EngineFixture.ConnectionStringFor(rawPath), SqliteSynchronous.Normal);
        await using var normal = await EngineFixture.OpenAsync(workspace.Copy(seededPath, "b1-normal.db"), SqliteSynchronous.Normal);
        await using var full = await EngineFixture.OpenAsync(workspace.Copy(seededPath, "b6-full.db"), SqliteSynchronous.Full);
        var (rawEvents, normalEvents, fullEvents) = (
            EventStream.After(history, users, "b0"), EventStream.After(history, users, "b1"), EventStream.After(history, users, "b6"));
        Func<Task<RunSample>> floor = () => Timing.RunAsync(raw.RecordAsync, rawEvents, EventsPerRun);
        Func<Task<RunSample>> engine = () => Timing.RunAsync(e => normal.Engine.RecordAsync(e), normalEvents, EventsPerRun);
        Func<Task<RunSample>> durable = () => Timing.RunAsync(e => full.Engine.RecordAsync(e), fullEvents, EventsPerRun);

        var baseline = await Timing.InterleaveAsync([floor, engine], Rounds, "B0 / B1");
        var durability = await Timing.InterleaveAsync([engine, durable], DurabilityRounds, "B1 / B6 FULL");
        Progress.Say($"WAL after B0/B1/B6: {string.Join(" / ", new[] { rawPath, normal.DatabasePath, full.DatabasePath }.Select(path => $"{Workspace.WalMegabytes(path):F1} MB"))}");

        var (b0, b1) = (new Distribution(baseline[0].Select(s => s.EventsPerSecond)), new Distribution(baseline[1].Select(s => s.EventsPerSecond)));
        var ratio = Timing.Ratio(baseline[1], baseline[0], s => s.EventsPerSecond);
        var cpuRatio = Timing.Ratio(baseline[0], baseline[1], s => s.CpuMicrosecondsPerEvent);
        var (withNormal, withFull) = (
            new Distribution(durability[0].Select(s => s.EventsPerSecond)), new Distribution(durability[1].Select(s => s.EventsPerSecond)));
        var fullRatio = Timing.Ratio(durability[1], durability[0], s => s.EventsPerSecond);
        return
        [
            new ResultRow("B0", "raw Microsoft.Data.Sqlite, 1 transaction per event: insert event + upsert stats (WAL, NORMAL, the app's checkpointing)",
                $"{b0.Median:N0} events/s", b0.SpreadText, "baseline", "measured"),
            new ResultRow("B1", $"RecordAsync, 1 writer, WAL + NORMAL, {history.Users:N0} users, {history.TotalEvents:N0} prior events, 30 active milestones",
                $"{b1.Median:N0} events/s = {ratio.Median:F2} × B0 (by CPU time {cpuRatio.Median:F2} ×)", ratio.SpreadText, "≥ 0.5 × B0 (goal ≥ 0.8)",
                ratio.Median >= 0.8 ? "met, goal met" : ratio.Median >= 0.5 ? "met, goal not yet" : "MISSED"),
            new ResultRow("B6", "B1 with synchronous FULL instead of NORMAL",
                $"NORMAL {withNormal.Median:N0}, FULL {withFull.Median:N0} events/s (FULL = {fullRatio.Median:F2} × NORMAL)", fullRatio.SpreadText,
                "both reported; default NORMAL", "reported"),
        ];
    }
}
