using System.Data.Common;
using MilestonesApp.Engine;

namespace MilestonesApp.Benchmarks.Benchmarks;

/// <summary>
/// The raw floors' two statements, their parameters in order, and one event's values bound to them, whichever ADO.NET
/// provider runs them.
/// </summary>
/// <remarks>
/// This is the floor the engine is measured against: the minimum any event needs (store it, count it). It is a copy
/// of the engine's two statements as they stood when the floor was set, not a reference to them, so that B0 and P0
/// stay the same yardstick while the engine's own statements change shape (more columns, more RETURNING items).
/// </remarks>
internal static class RawEventStatements
{
    public const string InsertEventSql = """
        INSERT INTO events (user_id, event_type, occurred_at, metadata, idempotency_key, recorded_at)
        VALUES (@user_id, @event_type, @occurred_at, @metadata, @idempotency_key, @recorded_at)
        ON CONFLICT (user_id, idempotency_key) DO NOTHING
        RETURNING id
        """;

    public const string ApplyStatsSql = """
        INSERT INTO user_stats (user_id, login_count, total_wins, total_habits_completed, last_login_at, last_activity_at)
        VALUES (@user_id, @login_count, @total_wins, @total_habits_completed, @last_login_at, @last_activity_at)
        ON CONFLICT (user_id) DO UPDATE SET
            login_count = user_stats.login_count + excluded.login_count,
            total_wins = user_stats.total_wins + excluded.total_wins,
            total_habits_completed = user_stats.total_habits_completed + excluded.total_habits_completed,
            last_login_at = CASE WHEN user_stats.last_login_at IS NULL OR excluded.last_login_at > user_stats.last_login_at
                THEN excluded.last_login_at ELSE user_stats.last_login_at END,
            last_activity_at = CASE WHEN user_stats.last_activity_at IS NULL OR excluded.last_activity_at > user_stats.last_activity_at
                THEN excluded.last_activity_at ELSE user_stats.last_activity_at END
        RETURNING login_count, total_wins, total_habits_completed, last_login_at, last_activity_at
        """;

    public static readonly string[] InsertEventParameters =
        ["user_id", "event_type", "occurred_at", "metadata", "idempotency_key", "recorded_at"];

    public static readonly string[] ApplyStatsParameters =
        ["user_id", "login_count", "total_wins", "total_habits_completed", "last_login_at", "last_activity_at"];

    public static void Bind(DomainEvent domainEvent, DbTransaction transaction, DbCommand insertEvent, DbCommand applyStats)
    {
        var occurredAt = domainEvent.OccurredAt.ToUnixTimeMilliseconds();
        var isLogin = domainEvent.EventType == EventTypes.UserLoggedIn;
        insertEvent.Transaction = transaction;
        insertEvent.Parameters[0].Value = domainEvent.UserId;
        insertEvent.Parameters[1].Value = domainEvent.EventType;
        insertEvent.Parameters[2].Value = occurredAt;
        insertEvent.Parameters[3].Value = DBNull.Value;
        insertEvent.Parameters[4].Value = (object?)domainEvent.IdempotencyKey ?? DBNull.Value;
        insertEvent.Parameters[5].Value = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

        applyStats.Transaction = transaction;
        applyStats.Parameters[0].Value = domainEvent.UserId;
        applyStats.Parameters[1].Value = isLogin ? 1L : 0L;
        applyStats.Parameters[2].Value = domainEvent.EventType == EventTypes.WinLogged ? 1L : 0L;
        applyStats.Parameters[3].Value = domainEvent.EventType == EventTypes.HabitCompleted ? 1L : 0L;
        applyStats.Parameters[4].Value = isLogin ? occurredAt : DBNull.Value;
        applyStats.Parameters[5].Value = occurredAt;
    }
}
