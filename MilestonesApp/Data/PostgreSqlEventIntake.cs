using MilestonesApp.Engine;
using MilestonesApp.Engine.Storage;

namespace MilestonesApp.Data;

/// <summary>
/// PostgreSQL: the event's insert and its stats upsert in one statement, so one round trip, where each is a trip to
/// the server process. The upsert reads its row from the insert's: a duplicate key inserts no event, so no stats
/// change and no row comes back, exactly as the two statements run one after the other
/// (<see cref="SequentialEventIntake"/>). The event is still inserted before the stats row is locked.
/// </summary>
internal sealed class PostgreSqlEventIntake : IEventIntake
{
    // The texts are the engine's own statements; an INSERT ... SELECT types its values by the parameters, hence the casts.
    private const string RecordSql = $"""
        WITH inserted AS (
            {EventTable.InsertEventSql}
        ), applied AS (
            INSERT INTO user_stats ({StatsTable.InsertedColumns})
            SELECT @user_id, CAST(@login_count AS bigint), CAST(@total_wins AS bigint), CAST(@total_habits_completed AS bigint),
                CAST(@last_login_at AS bigint), CAST(@last_activity_at AS bigint)
            FROM inserted
            {StatsTable.UpsertSql}
        )
        SELECT inserted.id, applied.* FROM inserted CROSS JOIN applied
        """;

    public async Task<RecordedIntake?> TryRecordAsync(
        EngineStore store, DomainEvent domainEvent, string? metadata, DateTimeOffset recordedAt, StatsDelta delta, CancellationToken cancellationToken)
    {
        var command = store.Commands.Command(RecordSql,
            ("user_id", domainEvent.UserId),
            ("event_type", domainEvent.EventType),
            ("occurred_at", domainEvent.OccurredAt.ToUnixTimeMilliseconds()),
            ("metadata", metadata),
            ("idempotency_key", domainEvent.IdempotencyKey),
            ("recorded_at", recordedAt.ToUnixTimeMilliseconds()),
            ("login_count", delta.LoginCount),
            ("total_wins", delta.TotalWins),
            ("total_habits_completed", delta.TotalHabitsCompleted),
            ("last_login_at", delta.LastLoginAt?.ToUnixTimeMilliseconds()),
            ("last_activity_at", delta.LastActivityAt.ToUnixTimeMilliseconds()));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new RecordedIntake(reader.GetInt64(0), StatsTable.ReadApplied(domainEvent.UserId, reader, first: 1))
            : null;
    }
}
