namespace MilestonesApp.Engine;

/// <summary>What one event adds to its user's stats row.</summary>
public sealed record StatsDelta(
    int LoginCount,
    int TotalWins,
    int TotalHabitsCompleted,
    DateTimeOffset? LastLoginAt,
    DateTimeOffset LastActivityAt);
