using MilestonesApp.Benchmarks.Fixtures;
using MilestonesApp.Benchmarks.Harness;

namespace MilestonesApp.Benchmarks.Benchmarks;

/// <summary>
/// B3: the per-event cost of the same workload (the same 100 users, each with the same-sized history) on a database
/// holding 10,000 events and on one holding 1,000,000. Only the other users' rows differ, so any growth is the cost
/// of the table's size: the engine's queries must stay on their indexes.
/// </summary>
internal static class HistoryGrowthBenchmark
{
    private const int ActiveUsers = 100;
    private const int EventsPerRun = 1_000;
    private const int Rounds = 20;

    public static async Task<ResultRow> RunAsync(string smallPath, HistoryShape small, string largePath, HistoryShape large)
    {
        await using var smallFixture = await EngineFixture.OpenAsync(smallPath);
        await using var largeFixture = await EngineFixture.OpenAsync(largePath);
        var (smallEvents, largeEvents) = (
            EventStream.After(small, small.SpreadUsers(ActiveUsers), "b3"), EventStream.After(large, large.SpreadUsers(ActiveUsers), "b3"));
        var samples = await Timing.InterleaveAsync(
            [
                () => Timing.RunAsync(e => smallFixture.Engine.RecordAsync(e), smallEvents, EventsPerRun),
                () => Timing.RunAsync(e => largeFixture.Engine.RecordAsync(e), largeEvents, EventsPerRun),
            ],
            Rounds,
            "B3 small / large");

        var (smallCost, largeCost) = (
            new Distribution(samples[0].Select(s => s.MicrosecondsPerEvent)), new Distribution(samples[1].Select(s => s.MicrosecondsPerEvent)));
        var ratio = Timing.Ratio(samples[1], samples[0], s => s.MicrosecondsPerEvent);
        var cpuRatio = Timing.Ratio(samples[1], samples[0], s => s.CpuMicrosecondsPerEvent);
        var plan = await QueryPlan.OfWindowCountAsync(largeFixture);
        Progress.Say($"B3 window query plan: {plan}");
        var onIndex = plan.Contains(QueryPlan.WindowIndex, StringComparison.Ordinal);
        return new ResultRow("B3", $"per-event cost, same {ActiveUsers} active users, {small.TotalEvents:N0} vs {large.TotalEvents:N0} events stored",
            $"{smallCost.Median:F0} vs {largeCost.Median:F0} µs/event = {ratio.Median:F2} (by CPU time {cpuRatio.Median:F2}); " +
            $"window query {(onIndex ? "on" : "NOT on")} {QueryPlan.WindowIndex}",
            ratio.SpreadText, "≤ 1.3, on its index", ratio.Median <= 1.3 && onIndex ? "met" : "MISSED");
    }
}
