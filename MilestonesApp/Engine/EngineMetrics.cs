using System.Diagnostics.Metrics;

namespace MilestonesApp.Engine;

/// <summary>
/// The engine's instruments, on the meter <see cref="MeterName"/>: what an operator watches to see it working (events,
/// duplicates, awards, writes per commit) and how long a caller waits for <c>RecordAsync</c>, write-gate queueing included.
/// </summary>
public sealed class EngineMetrics
{
    public const string MeterName = "MilestonesApp.Engine";

    private readonly Counter<long> eventsRecorded;
    private readonly Counter<long> duplicates;
    private readonly Counter<long> awards;
    private readonly Histogram<double> recordDuration;
    private readonly Counter<long> catchUpEventsRead;
    private readonly Counter<long> catchUpConflicts;
    private readonly Histogram<int> commitBatchSize;
    private readonly Counter<long> windowChecks;

    public EngineMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        eventsRecorded = meter.CreateCounter<long>("milestones.engine.events_recorded", "{event}", "Events stored by RecordAsync.");
        duplicates = meter.CreateCounter<long>("milestones.engine.duplicates", "{event}", "Events whose idempotency key was already stored: nothing changed.");
        awards = meter.CreateCounter<long>("milestones.engine.awards", "{award}", "Milestones newly awarded by RecordAsync.");
        recordDuration = meter.CreateHistogram<double>("milestones.engine.record.duration", "s", "How long RecordAsync took, waiting for the write gate included.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5] });
        catchUpEventsRead = meter.CreateCounter<long>("milestones.engine.catch_up.events_read", "{event}",
            "History events that login catch-up read: incremental (milestones unchanged since the user's last catch-up), full (over the whole history, outside the write transaction) or late (a login older than the user's latest event).");
        catchUpConflicts = meter.CreateCounter<long>("milestones.engine.catch_up.conflicts", "{conflict}",
            "Full catch-ups evaluated again because an event of the user or another catch-up came between their read and their write.");
        commitBatchSize = meter.CreateHistogram<int>("milestones.engine.commit.writes", "{write}", "How many writes one SQLite commit (and fsync) carried: group commit at work.",
            advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 4, 8, 16, 32, 64, 128] });
        windowChecks = meter.CreateCounter<long>("milestones.engine.window_checks", "{check}",
            "Windows checked at a user's latest event: counted with a query, or bounded (answered from earlier counts and the stats row, with none).");
    }

    internal void WindowsChecked(int counted, int bounded)
    {
        if (counted > 0)
        {
            windowChecks.Add(counted, new KeyValuePair<string, object?>("milestones.window.check", "counted"));
        }

        if (bounded > 0)
        {
            windowChecks.Add(bounded, new KeyValuePair<string, object?>("milestones.window.check", "bounded"));
        }
    }

    internal void CatchUpRead(CatchUpKind kind, long events) =>
        catchUpEventsRead.Add(events, new KeyValuePair<string, object?>("milestones.catch_up.kind", kind switch
        {
            CatchUpKind.Full => "full",
            CatchUpKind.Late => "late",
            _ => "incremental",
        }));

    internal void CatchUpConflict() => catchUpConflicts.Add(1);

    internal void Recorded(string eventType, EngineResult result, TimeSpan elapsed)
    {
        var type = new KeyValuePair<string, object?>("milestones.event.type", eventType);
        if (result.WasDuplicate)
        {
            duplicates.Add(1, type);
        }
        else
        {
            eventsRecorded.Add(1, type);
            awards.Add(result.NewlyAwarded.Count, type);
        }

        recordDuration.Record(elapsed.TotalSeconds, type, new KeyValuePair<string, object?>("milestones.outcome", result.WasDuplicate ? "duplicate" : "recorded"));
    }

    internal void Committed(int writes) => commitBatchSize.Record(writes);

    // No event type tag: a refused event's type may be anything a caller sent, and tags must stay a small set.
    internal void Failed(TimeSpan elapsed) =>
        recordDuration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("milestones.outcome", "failed"));
}
