namespace MilestonesApp.Data.Entities;

/// <summary>A row of <c>user_stats</c>: the lifetime aggregates the engine keeps per user.</summary>
public sealed class UserStats
{
    public required string UserId { get; set; }
    public long LoginCount { get; set; }
    public long TotalWins { get; set; }
    public long TotalHabitsCompleted { get; set; }
    public DateTimeOffset? LastLoginAt { get; set; }
    public DateTimeOffset? LastActivityAt { get; set; }

    /// <summary>The catalog version of the user's last complete catch-up; null until one completed.</summary>
    public long? EvaluatedVersion { get; set; }

    /// <summary>
    /// The time of the in-order login whose catch-up covered every milestone unchanged since <see cref="EvaluatedVersion"/>:
    /// none of those the user lacks held at any moment up to it, so the next login reads only what came after.
    /// </summary>
    public DateTimeOffset? EvaluatedThrough { get; set; }
}
