namespace MilestonesApp.Data.Entities;

/// <summary>
/// A row of <c>seen_awards</c>: the award was celebrated. Awards are never updated beyond their receipt, so whether a
/// person has seen one lives here; inserting the row is how one browser tab claims the celebration.
/// </summary>
public sealed class SeenAward
{
    public long UserMilestoneId { get; set; }
    public DateTimeOffset SeenAt { get; set; }
}
