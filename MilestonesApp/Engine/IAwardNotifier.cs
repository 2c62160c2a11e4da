namespace MilestonesApp.Engine;

/// <summary>
/// Tells whoever listens for a user that awards were inserted for them, wherever they were made: the engine after each
/// committed event, the backfill after each batch. The in-process implementation reaches the listeners of this
/// process; one over the database (PostgreSQL <c>LISTEN/NOTIFY</c>) reaches every node's.
/// </summary>
public interface IAwardNotifier
{
    /// <summary>Publishes committed awards. Never throws for a listener's failure: the awards stand either way.</summary>
    Task PublishAsync(IReadOnlyList<AwardNotice> awards, CancellationToken cancellationToken = default);

    /// <summary>
    /// Calls <paramref name="listener"/> with each batch of the user's awards until the returned handle is disposed. The
    /// listener is called on the publisher's thread and must not block it.
    /// </summary>
    IDisposable Subscribe(string userId, Action<IReadOnlyList<AwardNotice>> listener);
}
