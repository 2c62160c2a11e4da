using System.Data.Common;

namespace MilestonesApp.Engine;

/// <summary>
/// The engine's write path, for an app whose actions write rows of their own beside the engine's: one action, one
/// transaction. On SQLite the transaction is a share of the group commit (one writer, one kept connection); on
/// PostgreSQL a transaction of its own. Whatever the work writes commits with the engine's rows or not at all.
/// </summary>
public interface IEngineWritePath
{
    /// <summary>
    /// Records the event as <see cref="IMilestoneEngine.RecordAsync"/> does and runs <paramref name="alongside"/> in the
    /// same transaction, after the engine's part, also for a duplicate (then with the original's id). When it throws,
    /// nothing of the event is stored either and the exception reaches the caller.
    /// </summary>
    Task<EngineResult> RecordAsync(DomainEvent domainEvent, AlongsideWrite alongside, CancellationToken cancellationToken = default);

    /// <summary>Runs a write of the app's own (no event) in a write transaction of the engine's write path.</summary>
    Task<T> WriteAsync<T>(Func<WriteTransaction, CancellationToken, Task<T>> work, CancellationToken cancellationToken = default);
}

/// <summary>An action's own rows, written in its event's transaction; <paramref name="eventId"/> is the stored event's.</summary>
public delegate Task AlongsideWrite(WriteTransaction transaction, long eventId, CancellationToken cancellationToken);

/// <summary>
/// An open write transaction on the engine's connection. <see cref="Transaction"/> is null on SQLite, where the group
/// commit begins and commits in SQL: a command with no transaction on that connection runs inside it. The work must not
/// commit, roll back or close anything.
/// </summary>
public sealed record WriteTransaction(DbConnection Connection, DbTransaction? Transaction);
