using MilestonesApp.Engine;

namespace MilestonesApp.Admin;

/// <summary>Everything the admin user lookup shows about one user, read-only.</summary>
public sealed record UserReport(
    string UserId,
    string? Email,
    UserStatsSnapshot Stats,
    IReadOnlyList<UserReport.Award> Awards,
    IReadOnlyList<UserReport.Event> RecentEvents)
{
    /// <summary>A held milestone; <see cref="AwardedByEventId"/> is null when a backfill granted it.</summary>
    public sealed record Award(string Code, string Icon, string Title, DateTimeOffset AchievedAt, DateTimeOffset AwardedAt, long? EventId, long? AwardedByEventId);

    public sealed record Event(long Id, string EventType, DateTimeOffset OccurredAt, DateTimeOffset RecordedAt, string? IdempotencyKey, string? Metadata);
}
