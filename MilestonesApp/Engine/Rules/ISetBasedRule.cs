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
public sealed record SetBasedQuery(string Sql, IReadOnlyList<(string Name, object Value)> Parameters);
