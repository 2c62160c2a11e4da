namespace MilestonesApp.Engine.Rules;

/// <summary>One user's stored events, as the rules need to query them. Times order them, ties at one instant going by id.</summary>
public interface IUserHistory
{
    /// <summary>How many events of the type occurred in [from, to], both ends included.</summary>
    Task<int> CountAsync(string eventType, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);

    /// <summary>
    /// Whether at least <paramref name="count"/> events of the type occurred in [from, to], both ends included. May
    /// answer no without reading when what earlier events counted shows the window cannot hold that many yet.
    /// </summary>
    Task<bool> CountReachesAsync(string eventType, DateTimeOffset from, DateTimeOffset to, int count, CancellationToken cancellationToken);

    /// <summary>Every event of the type that occurred at or before <paramref name="upTo"/>, oldest first.</summary>
    Task<IReadOnlyList<RecordedEvent>> UpToAsync(string eventType, DateTimeOffset upTo, CancellationToken cancellationToken);

    /// <summary>The events of the type that occurred in [from, to], both ends included, oldest first.</summary>
    Task<IReadOnlyList<RecordedEvent>> BetweenAsync(string eventType, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);

    /// <summary>The <paramref name="position"/>-th event of the type (counting from 1), or null when there are fewer.</summary>
    Task<RecordedEvent?> NthAsync(string eventType, int position, CancellationToken cancellationToken);

    /// <summary>The first event of the type after <paramref name="after"/>, or null.</summary>
    Task<RecordedEvent?> NextAsync(string eventType, RecordedEvent after, CancellationToken cancellationToken);

    /// <summary>The last event of the type before <paramref name="before"/>, or null.</summary>
    Task<RecordedEvent?> PreviousAsync(string eventType, RecordedEvent before, CancellationToken cancellationToken);

    /// <summary>The receipt (proving event) of every milestone the user holds, by code, retired ones included.</summary>
    Task<IReadOnlyDictionary<string, RecordedEvent>> HeldReceiptsAsync(CancellationToken cancellationToken);
}
