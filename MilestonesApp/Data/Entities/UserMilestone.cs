namespace MilestonesApp.Data.Entities;

/// <summary>
/// A row of <c>user_milestones</c>: an award. Inserted once, never deleted; only its receipt (<c>event_id</c>,
/// <c>achieved_at</c>) may move earlier, when a late event proves the milestone held before.
/// </summary>
public sealed class UserMilestone
{
    public long Id { get; set; }
    public required string UserId { get; set; }
    public int MilestoneId { get; set; }

    /// <summary>The event that completed the condition: the proof behind the receipt.</summary>
    public long? EventId { get; set; }

    /// <summary>The event whose recording granted the award; null when a backfill granted it.</summary>
    public long? AwardedByEventId { get; set; }

    /// <summary>When the condition first held: the time of <see cref="EventId"/>.</summary>
    public DateTimeOffset AchievedAt { get; set; }

    /// <summary>When the engine granted it.</summary>
    public DateTimeOffset AwardedAt { get; set; }

    public Milestone? Milestone { get; set; }
}
