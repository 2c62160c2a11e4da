using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using MilestonesApp.Engine;

namespace MilestonesApp.Tests.Shared;

/// <summary>What login catch-up read on one host's engine meter: history events (incremental, full, late) and conflicts.</summary>
public sealed class CatchUpMeter : IDisposable
{
    private const string Conflicts = "conflicts";

    private readonly MeterListener listener = new();
    private readonly Dictionary<string, long> measured = [];

    public CatchUpMeter(EngineHost host)
    {
        var meterFactory = host.Services.GetRequiredService<IMeterFactory>();
        listener.InstrumentPublished = (instrument, l) =>
        {
            // Only this host's meter: tests running beside this one have meters of the same name.
            if (instrument.Meter.Name == EngineMetrics.MeterName && instrument.Meter.Scope == meterFactory)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var key = instrument.Name switch
            {
                "milestones.engine.catch_up.conflicts" => Conflicts,
                "milestones.engine.catch_up.events_read" => (string)tags.ToArray().Single(tag => tag.Key == "milestones.catch_up.kind").Value!,
                _ => null,
            };
            if (key is not null)
            {
                lock (measured)
                {
                    measured[key] = measured.GetValueOrDefault(key) + value;
                }
            }
        });
        listener.Start();
    }

    /// <summary>What was measured since the last call (or since the meter started), and starts counting afresh.</summary>
    public CatchUpReads Take()
    {
        lock (measured)
        {
            var reads = new CatchUpReads(
                measured.GetValueOrDefault("incremental"), measured.GetValueOrDefault("full"), measured.GetValueOrDefault("late"), measured.GetValueOrDefault(Conflicts));
            measured.Clear();
            return reads;
        }
    }

    public void Dispose() => listener.Dispose();
}

public sealed record CatchUpReads(long Incremental, long Full, long Late, long Conflicts);
