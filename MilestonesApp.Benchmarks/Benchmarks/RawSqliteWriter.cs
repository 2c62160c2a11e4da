using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using MilestonesApp.Data;
using MilestonesApp.Engine;

namespace MilestonesApp.Benchmarks.Benchmarks;

/// <summary>
/// B0, the floor: plain Microsoft.Data.Sqlite on one open connection with the app's per-connection settings and its
/// background checkpoint, one transaction per event doing only the necessary writes: the two statements of
/// <see cref="RawEventStatements"/> (insert the event, upsert the stats), prepared once, and nothing else.
/// </summary>
internal sealed class RawSqliteWriter : IAsyncDisposable
{
    private readonly SqliteConnection connection;
    private readonly SqliteCheckpointService checkpoints;
    private readonly SqliteCommand insertEvent;
    private readonly SqliteCommand upsertStats;
    private readonly SemaphoreSlim gate = new(1, 1);

    private RawSqliteWriter(SqliteConnection connection, SqliteCheckpointService checkpoints)
    {
        this.connection = connection;
        this.checkpoints = checkpoints;
        insertEvent = Prepare(RawEventStatements.InsertEventSql, RawEventStatements.InsertEventParameters);
        upsertStats = Prepare(RawEventStatements.ApplyStatsSql, RawEventStatements.ApplyStatsParameters);
    }

    public static async Task<RawSqliteWriter> OpenAsync(string connectionString, SqliteSynchronous synchronous)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var pragmas = connection.CreateCommand();
        pragmas.CommandText = SqlitePragmaInterceptor.Pragmas(synchronous, new DatabaseOptions().BusyTimeoutMilliseconds);
        await pragmas.ExecuteNonQueryAsync();
        var checkpoints = new SqliteCheckpointService(connectionString, TimeProvider.System, NullLogger<SqliteCheckpointService>.Instance);
        await checkpoints.StartAsync(CancellationToken.None);
        return new RawSqliteWriter(connection, checkpoints);
    }

    public async Task RecordAsync(DomainEvent domainEvent)
    {
        await using var transaction = connection.BeginTransaction();
        RawEventStatements.Bind(domainEvent, transaction, insertEvent, upsertStats);
        await insertEvent.ExecuteScalarAsync();
        await upsertStats.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
    }

    /// <summary>
    /// The same, for concurrent callers: behind an in-process gate of the kind the engine used on SQLite before group
    /// commit, one writer at a time and the rest queued, still one transaction (and one commit) per event.
    /// </summary>
    public async Task RecordQueuedAsync(DomainEvent domainEvent)
    {
        await gate.WaitAsync();
        try
        {
            await RecordAsync(domainEvent);
        }
        finally
        {
            gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        gate.Dispose();
        await checkpoints.StopAsync(CancellationToken.None);
        checkpoints.Dispose();
        await insertEvent.DisposeAsync();
        await upsertStats.DisposeAsync();
        await connection.DisposeAsync();
    }

    private SqliteCommand Prepare(string sql, string[] parameterNames)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameterNames)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = "@" + name, Value = DBNull.Value });
        }

        return command;
    }
}
