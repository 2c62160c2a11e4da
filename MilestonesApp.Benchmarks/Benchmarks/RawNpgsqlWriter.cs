using MilestonesApp.Engine;
using MilestonesApp.Engine.Storage;
using Npgsql;
using NpgsqlTypes;

namespace MilestonesApp.Benchmarks.Benchmarks;

/// <summary>
/// P0, the PostgreSQL floor: plain Npgsql on one open connection, one transaction per event doing only the engine's
/// own two statements (insert the event, upsert the stats), prepared once on the server.
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
        var insertEvent = await PrepareAsync(connection, EngineStore.InsertEventSql,
            ("user_id", NpgsqlDbType.Text), ("event_type", NpgsqlDbType.Text), ("occurred_at", NpgsqlDbType.Bigint), ("metadata", NpgsqlDbType.Text),
            ("idempotency_key", NpgsqlDbType.Text), ("recorded_at", NpgsqlDbType.Bigint));
        var upsertStats = await PrepareAsync(connection, EngineStore.ApplyStatsSql,
            ("user_id", NpgsqlDbType.Text), ("login_count", NpgsqlDbType.Bigint), ("total_wins", NpgsqlDbType.Bigint),
            ("total_habits_completed", NpgsqlDbType.Bigint), ("last_login_at", NpgsqlDbType.Bigint), ("last_activity_at", NpgsqlDbType.Bigint));
        return new RawNpgsqlWriter(connection, insertEvent, upsertStats);
    }

    public async Task RecordAsync(DomainEvent domainEvent)
    {
        var delta = StatsProjection.DeltaOf(domainEvent.EventType, domainEvent.OccurredAt);
        await using var transaction = await connection.BeginTransactionAsync();
        insertEvent.Transaction = transaction;
        insertEvent.Parameters[0].Value = domainEvent.UserId;
        insertEvent.Parameters[1].Value = domainEvent.EventType;
        insertEvent.Parameters[2].Value = domainEvent.OccurredAt.ToUnixTimeMilliseconds();
        insertEvent.Parameters[3].Value = DBNull.Value;
        insertEvent.Parameters[4].Value = (object?)domainEvent.IdempotencyKey ?? DBNull.Value;
        insertEvent.Parameters[5].Value = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        await insertEvent.ExecuteScalarAsync();

        upsertStats.Transaction = transaction;
        upsertStats.Parameters[0].Value = domainEvent.UserId;
        upsertStats.Parameters[1].Value = delta.LoginCount;
        upsertStats.Parameters[2].Value = delta.TotalWins;
        upsertStats.Parameters[3].Value = delta.TotalHabitsCompleted;
        upsertStats.Parameters[4].Value = (object?)delta.LastLoginAt?.ToUnixTimeMilliseconds() ?? DBNull.Value;
        upsertStats.Parameters[5].Value = delta.LastActivityAt.ToUnixTimeMilliseconds();
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

    private static async Task<NpgsqlCommand> PrepareAsync(NpgsqlConnection connection, string sql, params (string Name, NpgsqlDbType Type)[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, type) in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { ParameterName = name, NpgsqlDbType = type, Value = DBNull.Value });
        }

        await command.PrepareAsync();
        return command;
    }
}
