namespace MilestonesApp.Engine.Rules;

/// <summary>
/// How far a user has come toward a milestone not held yet: <see cref="Current"/> against <see cref="Target"/> where the
/// rule measures something, and <see cref="Text"/>, what is missing in words. A rule that measures nothing (a return
/// can happen at any login, it is never "behind") leaves both numbers null.
/// <see cref="Terms"/> are the rule's own numbers an API may show beside them (such as <c>windowDays</c>).
/// </summary>
public sealed record RuleProgress(long? Current, long? Target, RuleText Text, IReadOnlyDictionary<string, object>? Terms = null)
{
    /// <summary>From 0 to 100; null when nothing is measured.</summary>
    public double? Percent => Current is { } current && Target is > 0 and var target ? Math.Min(100, 100.0 * current / target) : null;
}

/// <summary>What a rule may read to tell a user's progress: their stats, history, held milestones and the moment asked.</summary>
public sealed record ProgressContext(UserStatsSnapshot Stats, IUserHistory History, IReadOnlySet<string> HeldCodes, DateTimeOffset Now);
