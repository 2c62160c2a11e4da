using MilestonesApp.Engine;
using Npgsql;
using NpgsqlTypes;

namespace MilestonesApp.Benchmarks.Benchmarks;

/// <summary>
/// P0, the PostgreSQL floor: plain Npgsql on one open connection, one transaction per event doing only the floor's
/// two statements of <see cref="RawEventStatements"/> (insert the event, upsert the stats), prepared once on the server.
/// </summary>
internal sealed class RawNpgsqlWriter : IAsyncDisposable
{
    private readonly NpgsqlConnection connection;
    private readonly NpgsqlCommand insertEvent;
    private readonly NpgsqlCommand upsertStats;

    private RawNpgsqlWriter(NpgsqlConnection connection, NpgsqlCommand insertEvent, NpgsqlCommand upsertStats)
    {
        this.connection = connection;
        this.insertEvent = insertEvent;
        this.upsertStats = upsertStats;
    }

    public static async Task<RawNpgsqlWriter> OpenAsync(string connectionString)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var insertEvent = await PrepareAsync(connection, RawEventStatements.InsertEventSql, RawEventStatements.InsertEventParameters);
        var upsertStats = await PrepareAsync(connection, RawEventStatements.ApplyStatsSql, RawEventStatements.ApplyStatsParameters);
        return new RawNpgsqlWriter(connection, insertEvent, upsertStats);
    }

    public async Task RecordAsync(DomainEvent domainEvent)
    {
        await using var transaction = await connection.BeginTransactionAsync();
        RawEventStatements.Bind(domainEvent, transaction, insertEvent, upsertStats);
        await insertEvent.ExecuteScalarAsync();
        await using (var reader = await upsertStats.ExecuteReaderAsync())
        {
            await reader.ReadAsync();
        }

        await transaction.CommitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await insertEvent.DisposeAsync();
        await upsertStats.DisposeAsync();
        await connection.DisposeAsync();
    }

    // Only user_id, event_type, metadata and idempotency_key are text; the rest are counts and times in bigint.
    private static async Task<NpgsqlCommand> PrepareAsync(NpgsqlConnection connection, string sql, string[] parameterNames)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var name in parameterNames)
        {
            var type = name is "user_id" or "event_type" or "metadata" or "idempotency_key" ? NpgsqlDbType.Text : NpgsqlDbType.Bigint;
            command.Parameters.Add(new NpgsqlParameter { ParameterName = name, NpgsqlDbType = type, Value = DBNull.Value });
        }

        await command.PrepareAsync();
        return command;
    }
}
