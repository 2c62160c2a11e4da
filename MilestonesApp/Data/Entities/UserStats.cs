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
}
