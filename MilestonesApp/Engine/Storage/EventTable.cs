namespace MilestonesApp.Engine.Storage;

/// <summary>The <c>events</c> table: each event stored once per idempotency key.</summary>
internal sealed class EventTable(SqlCommands commands)
{
    // The benchmarks keep a copy of this text: it is the raw floor the engine is measured against (B0).
    internal const string InsertEventSql = """
        INSERT INTO events (user_id, event_type, occurred_at, metadata, idempotency_key, recorded_at)
        VALUES (@user_id, @event_type, @occurred_at, @metadata, @idempotency_key, @recorded_at)
        ON CONFLICT (user_id, idempotency_key) DO NOTHING
        RETURNING id
        """;

    /// <summary>Inserts the event; returns its id, or null when its idempotency key is already stored for the user.</summary>
    public async Task<long?> TryInsertAsync(DomainEvent domainEvent, string? metadata, DateTimeOffset recordedAt, CancellationToken cancellationToken)
    {
        var command = commands.Command(InsertEventSql,
            ("user_id", domainEvent.UserId),
            ("event_type", domainEvent.EventType),
            ("occurred_at", domainEvent.OccurredAt.ToUnixTimeMilliseconds()),
            ("metadata", metadata),
            ("idempotency_key", domainEvent.IdempotencyKey),
            ("recorded_at", recordedAt.ToUnixTimeMilliseconds()));
        return await command.ExecuteScalarAsync(cancellationToken) is { } id ? SqlCommands.ToInt64(id) : null;
    }

    /// <summary>The event stored under the user's idempotency key, which a retry must repeat.</summary>
    public async Task<StoredEvent> ForKeyAsync(string userId, string idempotencyKey, CancellationToken cancellationToken)
    {
        var command = commands.Command(
            "SELECT id, event_type, occurred_at, metadata FROM events WHERE user_id = @user_id AND idempotency_key = @idempotency_key",
            ("user_id", userId), ("idempotency_key", idempotencyKey));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new StoredEvent(reader.GetInt64(0), reader.GetString(1), SqlCommands.Time(reader, 2), reader.IsDBNull(3) ? null : reader.GetString(3));
    }
}
