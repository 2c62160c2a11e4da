using MilestonesApp.Engine;
using MilestonesApp.Tests.Shared;

namespace MilestonesApp.Tests.Engine;

/// <summary>The engine's meter counts what RecordAsync did and how long it took, for an operator's dashboards.</summary>
public sealed class EngineMetricsTests
{
    private static readonly DateTimeOffset At = EngineHost.Now.AddDays(-1);

    [Fact]
    public async Task Recording_counts_events_duplicates_and_awards_and_times_each_call()
    {
        await using var host = await EngineHost.StartAsync();
        await host.SaveMilestonesAsync(TestMilestones.Count("test_wins_1", StatsCounters.TotalWins, 1));
        using var measurements = new EngineMeasurements(host);

        var first = await host.RecordAsync("user-1", EventTypes.WinLogged, At, "win-1");
        await host.RecordAsync("user-1", EventTypes.WinLogged, At, "win-1");
        var second = await host.RecordAsync("user-1", EventTypes.WinLogged, At.AddMinutes(1), "win-2");

        Assert.Equal(2, measurements.Sum("milestones.engine.events_recorded"));
        Assert.Equal(1, measurements.Sum("milestones.engine.duplicates"));
        Assert.Contains(first.NewlyAwarded, award => award.Code == "test_wins_1");
        Assert.Equal(first.NewlyAwarded.Count + second.NewlyAwarded.Count, measurements.Sum("milestones.engine.awards"));
        var durations = measurements.Values("milestones.engine.record.duration");
        Assert.Equal(3, durations.Count);
        Assert.All(durations, seconds => Assert.True(seconds > 0));
    }
}
