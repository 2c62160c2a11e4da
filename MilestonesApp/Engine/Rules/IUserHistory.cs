namespace MilestonesApp.Engine.Rules;

/// <summary>One user's stored events, as the rules need to query them.</summary>
public interface IUserHistory
{
    /// <summary>How many events of the type occurred in [from, to], both ends included.</summary>
    Task<int> CountAsync(string eventType, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);

    /// <summary>Every event of the type that occurred at or before <paramref name="upTo"/>, oldest first.</summary>
    Task<IReadOnlyList<RecordedEvent>> UpToAsync(string eventType, DateTimeOffset upTo, CancellationToken cancellationToken);
}
