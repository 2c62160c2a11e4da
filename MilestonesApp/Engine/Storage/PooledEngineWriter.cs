using System.Data;

namespace MilestonesApp.Engine.Storage;

/// <summary>
/// PostgreSQL: each write in a transaction of its own, on a pooled connection, in READ COMMITTED, with no gate: the
/// nodes write concurrently. The stats-row upsert that each event runs before it evaluates anything locks the user's
/// row until commit, so a second writer for that user waits there, and its later statements see the first's event.
/// Commits are not grouped here: the server already lets concurrent commits share one WAL flush.
/// </summary>
internal sealed class PooledEngineWriter(IEngineDatabase database) : IEngineWriter
{
    public async Task<T> WriteAsync<T>(Func<EngineStore, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
        var result = await work(new EngineStore(connection, transaction), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }
}
