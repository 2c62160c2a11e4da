using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using MilestonesApp.Engine;

namespace MilestonesApp.Tests.Shared;

/// <summary>Every measurement one host's engine meter (or another of its meters, by name) makes while this listens, with its tags.</summary>
public sealed class EngineMeasurements : IDisposable
{
    private readonly MeterListener listener = new();
    private readonly List<Measured> measured = [];

    public EngineMeasurements(EngineHost host, string meterName = EngineMetrics.MeterName)
    {
        var meterFactory = host.Services.GetRequiredService<IMeterFactory>();
        listener.InstrumentPublished = (instrument, l) =>
        {
            // Only this host's meter: tests running beside this one have meters of the same name.
            if (instrument.Meter.Name == meterName && instrument.Meter.Scope == meterFactory)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Add(instrument, value, tags));
        listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Add(instrument, value, tags));
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Add(instrument, value, tags));
        listener.Start();
    }

    /// <summary>The values the instrument recorded, in order; only those with the tag when one is named.</summary>
    public IReadOnlyList<double> Values(string instrument, string? tag = null, string? tagValue = null)
    {
        lock (measured)
        {
            return [.. measured.Where(m => m.Instrument == instrument && (tag is null || Equals(m.Tags.GetValueOrDefault(tag), tagValue))).Select(m => m.Value)];
        }
    }

    /// <summary>The sum of what the instrument recorded; only with the tag when one is named.</summary>
    public double Sum(string instrument, string? tag = null, string? tagValue = null) => Values(instrument, tag, tagValue).Sum();

    /// <summary>Forgets everything measured so far.</summary>
    public void Clear()
    {
        lock (measured)
        {
            measured.Clear();
        }
    }

    public void Dispose() => listener.Dispose();

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var tagged = new Dictionary<string, object?>(tags.ToArray());
        lock (measured)
        {
            measured.Add(new Measured(instrument.Name, value, tagged));
        }
    }

    private sealed record Measured(string Instrument, double Value, IReadOnlyDictionary<string, object?> Tags);
}
