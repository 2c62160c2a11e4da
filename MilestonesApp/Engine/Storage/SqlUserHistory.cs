using MilestonesApp.Engine.Rules;

namespace MilestonesApp.Engine.Storage;

/// <summary>
/// One user's history inside the engine's transaction. Full per-type lists are read at most once per recorded event,
/// so catch-up over many milestones costs one query per event type, not one per milestone. Given
/// <paramref name="atLatest"/> (the event being recorded is the user's latest, with the stats after it), a window
/// ending at that event is first bounded by <see cref="WindowCountBounds"/>, and what it counts is kept in
/// <see cref="WindowCounts"/>, for the engine to remember once the write has committed.
/// </summary>
internal sealed class SqlUserHistory(EngineStore store, string userId, (WindowCountBounds Bounds, UserStatsSnapshot Stats)? atLatest = null) : IUserHistory
{
    private readonly Dictionary<string, IReadOnlyList<RecordedEvent>> eventsByType = new(StringComparer.Ordinal);
    private List<(WindowKey Window, WindowCount Count)>? windowCounts;

    /// <summary>The windows ending at the user's latest event that this history counted.</summary>
    public IReadOnlyList<(WindowKey Window, WindowCount Count)> WindowCounts => windowCounts ?? [];

    /// <summary>How many windows ending at the user's latest event earlier counts answered, with no query.</summary>
    public int WindowsBounded { get; private set; }

    /// <summary>
    /// How many of the user's events the queries so far returned or walked past (a count counts what it counted, the
    /// n-th event the n entries before it): what catch-up's cost grows with.
    /// </summary>
    public long EventsRead { get; private set; }

    public async Task<int> CountAsync(string eventType, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        Read(await store.History.CountAsync(userId, eventType, from, to, cancellationToken));

    public async Task<bool> CountReachesAsync(string eventType, DateTimeOffset from, DateTimeOffset to, int count, CancellationToken cancellationToken)
    {
        if (atLatest is not ({ } bounds, { } stats) || to != stats.LastActivityAt)
        {
            return await CountAsync(eventType, from, to, cancellationToken) >= count;
        }

        var window = new WindowKey(userId, eventType, to - from);
        // Two rules with one window (of different counts) at one event: the first one's count answers the second.
        if (windowCounts?.FindIndex(counted => counted.Window == window) is >= 0 and var index)
        {
            return windowCounts[index].Count.InWindow >= count;
        }

        var stored = stats.CountOf(eventType);
        if (bounds.AtMost(window, to, stored) < count)
        {
            WindowsBounded++;
            return false;
        }

        var counted = await CountAsync(eventType, from, to, cancellationToken);
        (windowCounts ??= []).Add((window, new WindowCount(to, counted, stored)));
        return counted >= count;
    }

    public async Task<IReadOnlyList<RecordedEvent>> BetweenAsync(string eventType, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        Read(await store.History.BetweenAsync(userId, eventType, from, to, cancellationToken));

    public async Task<RecordedEvent?> NthAsync(string eventType, int position, CancellationToken cancellationToken)
    {
        EventsRead += position;
        return await store.History.NthAsync(userId, eventType, position, cancellationToken);
    }

    public async Task<RecordedEvent?> NextAsync(string eventType, RecordedEvent after, CancellationToken cancellationToken)
    {
        EventsRead++;
        return await store.History.NextAsync(userId, eventType, after, cancellationToken);
    }

    public async Task<RecordedEvent?> PreviousAsync(string eventType, RecordedEvent before, CancellationToken cancellationToken)
    {
        EventsRead++;
        return await store.History.PreviousAsync(userId, eventType, before, cancellationToken);
    }

    public async Task<IReadOnlyList<RecordedEvent>> UpToAsync(string eventType, DateTimeOffset upTo, CancellationToken cancellationToken)
    {
        if (!eventsByType.TryGetValue(eventType, out var events))
        {
            events = Read(await store.History.AllAsync(userId, eventType, cancellationToken));
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

    public async Task<IReadOnlyDictionary<string, RecordedEvent>> HeldReceiptsAsync(CancellationToken cancellationToken) =>
        await store.Awards.HeldReceiptsByCodeAsync(userId, cancellationToken);

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
