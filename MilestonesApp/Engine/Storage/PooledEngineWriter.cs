using System.Collections.Concurrent;
using System.Data;

namespace MilestonesApp.Engine.Storage;

/// <summary>
/// PostgreSQL: each write in a transaction of its own, in READ COMMITTED, with no gate: the nodes write concurrently.
/// The stats-row upsert that each event runs before it evaluates anything locks the user's row until commit, so a
/// second writer for that user waits there, and its later statements see the first's event. Commits are not grouped
/// here: the server already lets concurrent commits share one WAL flush.
/// </summary>
/// <remarks>
/// Connections are kept open between writes, each with its store (its commands, prepared on the server once they
/// recur), and the one used last is handed out first. A pool that hands out its idle connections in turn spread one
/// writer over every server process the pool ever opened (16 after a burst), each with cold caches and statements of
/// its own to prepare; kept last-in first-out, one writer stays on one process and N concurrent writers on N.
/// </remarks>
internal sealed class PooledEngineWriter(IEngineDatabase database) : IEngineWriter, IDisposable, IAsyncDisposable
{
    // More kept idle than writers ever run at once would only hold server processes; beyond this, returned to the pool.
    private const int MostKept = 16;

    private readonly ConcurrentStack<EngineStore> kept = new();

    public async Task<T> WriteAsync<T>(Func<EngineStore, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        var store = kept.TryPop(out var idle) ? idle : new EngineStore(await database.OpenConnectionAsync(cancellationToken), transaction: null);
        T result;
        try
        {
            await using var transaction = await store.Connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
            store.Transaction = transaction;
            result = await work(store, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch
        {
            // A failed write may leave the connection broken or mid-command (a cancellation): it is not kept. A broken
            // one most likely means the server restarted or dropped us, and then every kept connection is dead too:
            // they are let go now rather than each failing one more person's write.
            if (store.Connection.State != ConnectionState.Open)
            {
                await ReleaseKeptAsync();
            }

            await store.Connection.DisposeAsync();
            throw;
        }

        store.Transaction = null;
        if (kept.Count < MostKept)
        {
            kept.Push(store);
        }
        else
        {
            await store.Connection.DisposeAsync();
        }

        return result;
    }

    // Both: a service provider disposed without await refuses a singleton that is only asynchronously disposable.
    public void Dispose()
    {
        while (kept.TryPop(out var store))
        {
            store.Connection.Dispose();
        }
    }

    public ValueTask DisposeAsync() => ReleaseKeptAsync();

    private async ValueTask ReleaseKeptAsync()
    {
        while (kept.TryPop(out var store))
        {
            await store.Connection.DisposeAsync();
        }
    }
}
