using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace MilestonesApp.Engine.Storage;

/// <summary>
/// Read-only snapshots on a pooled connection of their own, while writers go on. SQLite: a deferred transaction, whose
/// first read fixes its view of the WAL and which takes no write lock (the default, BEGIN IMMEDIATE, would). PostgreSQL:
/// REPEATABLE READ READ ONLY, one snapshot for every statement.
/// </summary>
internal sealed class EngineSnapshots(IEngineDatabase database) : IEngineSnapshots
{
    // Microsoft.Data.Sqlite's async methods run synchronously, so a read over a long history would hold a thread-pool
    // thread for all of its length, and on a machine of few cores the writers' continuations would queue for a free one
    // (B4 saw writers stall for a whole 100 ms catch-up). The read gets a thread of its own instead; on PostgreSQL that
    // thread ends at the first real await.
    public Task<T> ReadAsync<T>(Func<EngineStore, Task<T>> read, CancellationToken cancellationToken) =>
        Task.Factory.StartNew(() => ReadOnOwnConnectionAsync(read, cancellationToken), cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default)
            .Unwrap();

    private async Task<T> ReadOnOwnConnectionAsync<T>(Func<EngineStore, Task<T>> read, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await BeginAsync(connection, cancellationToken);
        return await read(new EngineStore(connection, transaction));
    }

    private static async Task<DbTransaction> BeginAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        if (connection is SqliteConnection sqlite)
        {
            return sqlite.BeginTransaction(deferred: true);
        }

        var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        await using var readOnly = connection.CreateCommand();
        readOnly.Transaction = transaction;
        readOnly.CommandText = "SET TRANSACTION READ ONLY";
        await readOnly.ExecuteNonQueryAsync(cancellationToken);
        return transaction;
    }
}
