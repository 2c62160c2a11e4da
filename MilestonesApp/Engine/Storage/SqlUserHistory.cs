using MilestonesApp.Engine.Rules;

namespace MilestonesApp.Engine.Storage;

/// <summary>
/// One user's history inside the engine's transaction. Full per-type lists are read at most once per recorded event,
/// so catch-up over many milestones costs one query per event type, not one per milestone.
/// </summary>
internal sealed class SqlUserHistory(EngineStore store, string userId) : IUserHistory
{
    private readonly Dictionary<string, IReadOnlyList<RecordedEvent>> eventsByType = new(StringComparer.Ordinal);

    public Task<int> CountAsync(string eventType, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        store.CountEventsAsync(userId, eventType, from, to, cancellationToken);

    public Task<IReadOnlyList<RecordedEvent>> BetweenAsync(string eventType, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        store.EventsBetweenAsync(userId, eventType, from, to, cancellationToken);

    public Task<RecordedEvent?> NthAsync(string eventType, int position, CancellationToken cancellationToken) =>
        store.NthEventAsync(userId, eventType, position, cancellationToken);

    public Task<RecordedEvent?> NextAsync(string eventType, RecordedEvent after, CancellationToken cancellationToken) =>
        store.NextEventAsync(userId, eventType, after, cancellationToken);

    public Task<RecordedEvent?> PreviousAsync(string eventType, RecordedEvent before, CancellationToken cancellationToken) =>
        store.PreviousEventAsync(userId, eventType, before, cancellationToken);

    public async Task<IReadOnlyList<RecordedEvent>> UpToAsync(string eventType, DateTimeOffset upTo, CancellationToken cancellationToken)
    {
        if (!eventsByType.TryGetValue(eventType, out var events))
        {
            events = await store.EventsAsync(userId, eventType, cancellationToken);
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
}
