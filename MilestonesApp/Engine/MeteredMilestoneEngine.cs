using System.Diagnostics;

namespace MilestonesApp.Engine;

/// <summary>The engine as callers see it, measured: <see cref="EngineMetrics"/> around every <c>RecordAsync</c>.</summary>
internal sealed class MeteredMilestoneEngine(IMilestoneEngine engine, EngineMetrics metrics) : IMilestoneEngine
{
    public async Task<EngineResult> RecordAsync(DomainEvent domainEvent, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var result = await engine.RecordAsync(domainEvent, cancellationToken);
            metrics.Recorded(domainEvent.EventType, result, Stopwatch.GetElapsedTime(started));
            return result;
        }
        catch
        {
            metrics.Failed(Stopwatch.GetElapsedTime(started));
            throw;
        }
    }
}
