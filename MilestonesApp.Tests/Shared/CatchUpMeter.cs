using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using MilestonesApp.Engine;

namespace MilestonesApp.Tests.Shared;

/// <summary>What login catch-up read on one host's engine meter: history events, incremental and full, and conflicts.</summary>
public sealed class CatchUpMeter : IDisposable
{
    private readonly MeterListener listener = new();
    private long incremental;
    private long full;
    private long conflicts;

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
            if (instrument.Name == "milestones.engine.catch_up.conflicts")
            {
                Interlocked.Add(ref conflicts, value);
            }
            else if (instrument.Name == "milestones.engine.catch_up.events_read")
            {
                var kind = tags.ToArray().Single(tag => tag.Key == "milestones.catch_up.kind").Value;
                Interlocked.Add(ref kind is "full" ? ref full : ref incremental, value);
            }
        });
        listener.Start();
    }

    /// <summary>What was measured since the last call (or since the meter started), and starts counting afresh.</summary>
    public CatchUpReads Take() => new(Interlocked.Exchange(ref incremental, 0), Interlocked.Exchange(ref full, 0), Interlocked.Exchange(ref conflicts, 0));

    public void Dispose() => listener.Dispose();
}

public sealed record CatchUpReads(long Incremental, long Full, long Conflicts);
