using System.Collections.Concurrent;
using System.Data.Common;

namespace MilestonesApp.Engine.Storage;

/// <summary>
/// SQLite: group commit. Writes queue up, and a caller that finds no batch running leads one: inside the
/// <see cref="DatabaseWriteGate"/>, on the one kept connection, it runs every queued write in one transaction, each in
/// a savepoint of its own so that a failing write rolls back alone, commits once (so one fsync under synchronous=FULL
/// for the whole batch), and only then completes each caller with its own result or failure. A lone write pays no
/// savepoint and no thread switch. The connection is opened once, so each statement is compiled once; after a failure
/// of the transaction itself it is closed, and the next batch opens a fresh one.
/// </summary>
internal sealed class GroupCommitWriter(IEngineDatabase database, DatabaseWriteGate writeGate, EngineMetrics metrics)
    : IEngineWriter, IAsyncDisposable
{
    // Caps how long a batch's first caller waits for the commit behind everyone else's writes.
    private const int MaxBatch = 128;

    private const string Begin = "BEGIN IMMEDIATE";
    private const string Commit = "COMMIT";
    private const string Rollback = "ROLLBACK";
    private const string Savepoint = "SAVEPOINT queued_write";
    private const string ReleaseSavepoint = "RELEASE queued_write";
    private const string RollbackToSavepoint = "ROLLBACK TO queued_write";

    private readonly ConcurrentQueue<QueuedWrite> queue = new();
    private readonly List<QueuedWrite> batch = new(MaxBatch);
    private int leading;
    private DbConnection? connection;
    private EngineStore? store;

    public async Task<T> WriteAsync<T>(Func<EngineStore, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        var write = new QueuedWrite<T>(work, cancellationToken);
        queue.Enqueue(write);
        await LeadIfIdleAsync();
        return await write.Completion;
    }

    public ValueTask DisposeAsync() => CloseAsync();

    private async Task LeadIfIdleAsync()
    {
        if (Interlocked.CompareExchange(ref leading, 1, 0) != 0)
        {
            return;
        }

        try
        {
            await RunBatchAsync();
        }
        finally
        {
            Volatile.Write(ref leading, 0);
        }

        // Writes queued while this batch ran saw it led and wait: lead them from the pool, not on this caller's time.
        if (!queue.IsEmpty)
        {
            _ = Task.Run(LeadIfIdleAsync);
        }
    }

    private async Task RunBatchAsync()
    {
        using var writing = await writeGate.EnterAsync(CancellationToken.None);
        // Taken inside the gate, so writes that arrived while the gate was held join this batch.
        while (batch.Count < MaxBatch && queue.TryDequeue(out var queued))
        {
            batch.Add(queued);
        }

        Exception? batchFailure = null;
        try
        {
            await RunInTransactionAsync(await OpenAsync());
            metrics.Committed(batch.Count);
        }
        catch (Exception exception)
        {
            batchFailure = exception;
            await CloseAsync();
        }

        foreach (var write in batch)
        {
            write.Complete(batchFailure);
        }

        batch.Clear();
    }

    private async Task RunInTransactionAsync(EngineStore writing)
    {
        await writing.ExecuteAsync(Begin, CancellationToken.None);
        if (batch.Count == 1)
        {
            await batch[0].RunAsync(writing);
            await writing.ExecuteAsync(batch[0].Failed ? Rollback : Commit, CancellationToken.None);
            return;
        }

        foreach (var write in batch)
        {
            await writing.ExecuteAsync(Savepoint, CancellationToken.None);
            await write.RunAsync(writing);
            if (write.Failed)
            {
                await writing.ExecuteAsync(RollbackToSavepoint, CancellationToken.None);
            }

            await writing.ExecuteAsync(ReleaseSavepoint, CancellationToken.None);
        }

        await writing.ExecuteAsync(Commit, CancellationToken.None);
    }

    private async Task<EngineStore> OpenAsync()
    {
        if (store is null)
        {
            connection = await database.OpenConnectionAsync(CancellationToken.None);
            store = new EngineStore(connection, transaction: null);
        }

        return store;
    }

    private async ValueTask CloseAsync()
    {
        store = null;
        if (connection is not null)
        {
            await connection.DisposeAsync();
            connection = null;
        }
    }
}
