namespace MilestonesApp.Engine;

/// <summary>A user's lifetime aggregates: they only ever grow.</summary>
public sealed record UserStatsSnapshot(
    string UserId,
    long LoginCount,
    long TotalWins,
    long TotalHabitsCompleted,
    DateTimeOffset? LastLoginAt,
    DateTimeOffset? LastActivityAt)
{
    public static UserStatsSnapshot Empty(string userId) => new(userId, 0, 0, 0, null, null);

    public long Counter(string counter) => counter switch
    {
        StatsCounters.LoginCount => LoginCount,
        StatsCounters.TotalWins => TotalWins,
        StatsCounters.TotalHabitsCompleted => TotalHabitsCompleted,
        _ => throw new ArgumentOutOfRangeException(nameof(counter), counter, "Unknown stats counter."),
    };

    public long CountOf(string eventType) => Counter(StatsCounters.CounterFor(eventType));
}
