namespace MilestonesApp.Tests.Shared;

/// <summary>What login catch-up read on one host's engine meter: history events (incremental, full, late) and conflicts.</summary>
public sealed class CatchUpMeter(EngineHost host) : IDisposable
{
    private readonly EngineMeasurements measurements = new(host);

    /// <summary>What was measured since the last call (or since the meter started), and starts counting afresh.</summary>
    public CatchUpReads Take()
    {
        var reads = new CatchUpReads(Read("incremental"), Read("full"), Read("late"), (long)measurements.Sum("milestones.engine.catch_up.conflicts"));
        measurements.Clear();
        return reads;
    }

    public void Dispose() => measurements.Dispose();

    private long Read(string kind) => (long)measurements.Sum("milestones.engine.catch_up.events_read", "milestones.catch_up.kind", kind);
}

public sealed record CatchUpReads(long Incremental, long Full, long Late, long Conflicts);
