using System.Data.Common;

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

    /// <summary>Which of the keys the user has an event stored under, in one query.</summary>
    public async Task<IReadOnlySet<string>> StoredKeysAsync(string userId, IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        // Not a cached command: the list's length varies with each call, and so does the text.
        await using var command = commands.Connection.CreateCommand();
        command.Transaction = commands.Transaction;
        var names = keys.Select((key, i) => $"@key_{i}").ToList();
        command.CommandText = $"SELECT idempotency_key FROM events WHERE user_id = @user_id AND idempotency_key IN ({string.Join(", ", names)})";
        AddParameter(command, "@user_id", userId);
        foreach (var (name, key) in names.Zip(keys))
        {
            AddParameter(command, name, key);
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var stored = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            stored.Add(reader.GetString(0));
        }

        return stored;
    }

    private static void AddParameter(DbCommand command, string name, string value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
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
