using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
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
        var measured = new List<(string Instrument, double Value)>();
        using var listener = new MeterListener();
        var meterFactory = host.Services.GetRequiredService<IMeterFactory>();
        listener.InstrumentPublished = (instrument, l) =>
        {
            // Only this host's meter: tests running beside this one have meters of the same name.
            if (instrument.Meter.Name == EngineMetrics.MeterName && instrument.Meter.Scope == meterFactory)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => measured.Add((instrument.Name, value)));
        listener.SetMeasurementEventCallback<double>((instrument, value, _, _) => measured.Add((instrument.Name, value)));
        listener.Start();

        var first = await host.RecordAsync("user-1", EventTypes.WinLogged, At, "win-1");
        await host.RecordAsync("user-1", EventTypes.WinLogged, At, "win-1");
        var second = await host.RecordAsync("user-1", EventTypes.WinLogged, At.AddMinutes(1), "win-2");

        Assert.Equal(2, Sum("milestones.engine.events_recorded"));
        Assert.Equal(1, Sum("milestones.engine.duplicates"));
        Assert.Contains(first.NewlyAwarded, award => award.Code == "test_wins_1");
        Assert.Equal(first.NewlyAwarded.Count + second.NewlyAwarded.Count, Sum("milestones.engine.awards"));
        var durations = measured.Where(m => m.Instrument == "milestones.engine.record.duration").Select(m => m.Value).ToList();
        Assert.Equal(3, durations.Count);
        Assert.All(durations, seconds => Assert.True(seconds > 0));

        double Sum(string instrument) => measured.Where(m => m.Instrument == instrument).Sum(m => m.Value);
    }
}
