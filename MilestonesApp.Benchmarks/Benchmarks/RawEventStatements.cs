using System.Data.Common;
using MilestonesApp.Engine;
using MilestonesApp.Engine.Storage;

namespace MilestonesApp.Benchmarks.Benchmarks;

/// <summary>
/// The raw floors' two statements (<see cref="EngineStore.InsertEventSql"/>, <see cref="EngineStore.ApplyStatsSql"/>):
/// their parameters in order, and one event's values bound to them, whichever ADO.NET provider runs them.
/// </summary>
internal static class RawEventStatements
{
    public static readonly string[] InsertEventParameters =
        ["user_id", "event_type", "occurred_at", "metadata", "idempotency_key", "recorded_at"];

    public static readonly string[] ApplyStatsParameters =
        ["user_id", "login_count", "total_wins", "total_habits_completed", "last_login_at", "last_activity_at"];

    public static void Bind(DomainEvent domainEvent, DbTransaction transaction, DbCommand insertEvent, DbCommand applyStats)
    {
        var delta = StatsProjection.DeltaOf(domainEvent.EventType, domainEvent.OccurredAt);
        insertEvent.Transaction = transaction;
        insertEvent.Parameters[0].Value = domainEvent.UserId;
        insertEvent.Parameters[1].Value = domainEvent.EventType;
        insertEvent.Parameters[2].Value = domainEvent.OccurredAt.ToUnixTimeMilliseconds();
        insertEvent.Parameters[3].Value = DBNull.Value;
        insertEvent.Parameters[4].Value = (object?)domainEvent.IdempotencyKey ?? DBNull.Value;
        insertEvent.Parameters[5].Value = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

        applyStats.Transaction = transaction;
        applyStats.Parameters[0].Value = domainEvent.UserId;
        applyStats.Parameters[1].Value = delta.LoginCount;
        applyStats.Parameters[2].Value = delta.TotalWins;
        applyStats.Parameters[3].Value = delta.TotalHabitsCompleted;
        applyStats.Parameters[4].Value = (object?)delta.LastLoginAt?.ToUnixTimeMilliseconds() ?? DBNull.Value;
        applyStats.Parameters[5].Value = delta.LastActivityAt.ToUnixTimeMilliseconds();
    }
}
