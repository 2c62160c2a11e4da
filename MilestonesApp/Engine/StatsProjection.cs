namespace MilestonesApp.Engine;

/// <summary>
/// The single definition of how events become stats. The engine's SQL upsert applies <see cref="DeltaOf"/>
/// atomically; rebuilding from events folds <see cref="Apply"/>. Both must agree, and a test holds them to it.
/// </summary>
public static class StatsProjection
{
    public static StatsDelta DeltaOf(string eventType, DateTimeOffset occurredAt) => new(
        LoginCount: eventType == EventTypes.UserLoggedIn ? 1 : 0,
        TotalWins: eventType == EventTypes.WinLogged ? 1 : 0,
        TotalHabitsCompleted: eventType == EventTypes.HabitCompleted ? 1 : 0,
        LastLoginAt: eventType == EventTypes.UserLoggedIn ? occurredAt : null,
        LastActivityAt: occurredAt);

    public static UserStatsSnapshot Apply(UserStatsSnapshot stats, string eventType, DateTimeOffset occurredAt)
    {
        var delta = DeltaOf(eventType, occurredAt);
        return stats with
        {
            LoginCount = stats.LoginCount + delta.LoginCount,
            TotalWins = stats.TotalWins + delta.TotalWins,
            TotalHabitsCompleted = stats.TotalHabitsCompleted + delta.TotalHabitsCompleted,
            LastLoginAt = Latest(stats.LastLoginAt, delta.LastLoginAt),
            LastActivityAt = Latest(stats.LastActivityAt, delta.LastActivityAt),
        };
    }

    private static DateTimeOffset? Latest(DateTimeOffset? current, DateTimeOffset? candidate) =>
        current is null || candidate > current ? candidate : current;
}
