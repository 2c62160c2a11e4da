namespace MilestonesApp.Engine.Rules;

/// <summary>
/// A rule that can find, in one SQL statement, the first moment it held for many users at once. The backfill uses
/// this instead of evaluating users one by one; a rule without it still works, only slower.
/// </summary>
public interface ISetBasedRule
{
    /// <summary>
    /// A SELECT of <c>user_id, event_id, occurred_at</c>: for every user with <c>user_id BETWEEN @first_user AND @last_user</c>
    /// whose events satisfy the rule, the earliest event, in (occurred_at, id) order, at which it held.
    /// </summary>
    SetBasedQuery FirstAchievements();
}

/// <summary>SQL text and the parameters it needs besides <c>@first_user</c> and <c>@last_user</c>.</summary>
public sealed record SetBasedQuery(string Sql, IReadOnlyList<(string Name, object Value)> Parameters)
{
    /// <summary>
    /// For rules that compare each event of a type with the one <paramref name="reachBack"/> events before it (column
    /// <c>earlier</c>): each user's first event where <paramref name="heldWhen"/>, a fixed SQL condition of the rule, is true.
    /// </summary>
    public static SetBasedQuery FirstComparedWithEarlier(string eventType, int reachBack, string heldWhen, (string Name, object Value) limit) => new($"""
        SELECT user_id, event_id, occurred_at FROM (
            SELECT user_id, id AS event_id, occurred_at,
                   ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY occurred_at, id) AS position
            FROM (
                SELECT user_id, id, occurred_at,
                       LAG(occurred_at, @reach_back) OVER (PARTITION BY user_id ORDER BY occurred_at, id) AS earlier
                FROM events
                WHERE event_type = @event_type AND user_id BETWEEN @first_user AND @last_user
            ) paired
            WHERE earlier IS NOT NULL AND {heldWhen}
        ) held
        WHERE position = 1
        """,
        [("event_type", eventType), ("reach_back", reachBack), limit]);
}
