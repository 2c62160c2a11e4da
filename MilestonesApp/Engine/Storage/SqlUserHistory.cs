using MilestonesApp.Engine.Rules;

namespace MilestonesApp.Engine.Storage;

/// <summary>
/// One user's history inside the engine's transaction. Full per-type lists are read at most once per recorded event,
/// so catch-up over many milestones costs one query per event type, not one per milestone.
/// </summary>
internal sealed class SqlUserHistory(EngineStore store, string userId) : IUserHistory
{
    private readonly Dictionary<string, IReadOnlyList<RecordedEvent>> eventsByType = new(StringComparer.Ordinal);

    /// <summary>
    /// How many of the user's events the queries so far returned or walked past (a count counts what it counted, the
    /// n-th event the n entries before it): what catch-up's cost grows with.
    /// </summary>
    public long EventsRead { get; private set; }

    public async Task<int> CountAsync(string eventType, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        Read(await store.CountEventsAsync(userId, eventType, from, to, cancellationToken));

    public async Task<IReadOnlyList<RecordedEvent>> BetweenAsync(string eventType, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        Read(await store.EventsBetweenAsync(userId, eventType, from, to, cancellationToken));

    public async Task<RecordedEvent?> NthAsync(string eventType, int position, CancellationToken cancellationToken)
    {
        EventsRead += position;
        return await store.NthEventAsync(userId, eventType, position, cancellationToken);
    }

    public async Task<RecordedEvent?> NextAsync(string eventType, RecordedEvent after, CancellationToken cancellationToken)
    {
        EventsRead++;
        return await store.NextEventAsync(userId, eventType, after, cancellationToken);
    }

    public async Task<RecordedEvent?> PreviousAsync(string eventType, RecordedEvent before, CancellationToken cancellationToken)
    {
        EventsRead++;
        return await store.PreviousEventAsync(userId, eventType, before, cancellationToken);
    }

    public async Task<IReadOnlyList<RecordedEvent>> UpToAsync(string eventType, DateTimeOffset upTo, CancellationToken cancellationToken)
    {
        if (!eventsByType.TryGetValue(eventType, out var events))
        {
            events = Read(await store.EventsAsync(userId, eventType, cancellationToken));
            eventsByType[eventType] = events;
        }

        // Sorted oldest first, and usually nothing lies after the event being recorded: scan from the end.
        var end = events.Count;
        while (end > 0 && events[end - 1].OccurredAt > upTo)
        {
            end--;
        }

        return end == events.Count ? events : events.Take(end).ToList();
    }

    private int Read(int counted)
    {
        EventsRead += counted;
        return counted;
    }

    private IReadOnlyList<RecordedEvent> Read(IReadOnlyList<RecordedEvent> events)
    {
        EventsRead += events.Count;
        return events;
    }
}
