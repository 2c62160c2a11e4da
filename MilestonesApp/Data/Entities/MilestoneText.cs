namespace MilestonesApp.Data.Entities;

/// <summary>
/// A row of <c>milestone_texts</c>: an admin-made milestone's title and description in one culture. Seeded milestones
/// keep theirs in the <c>.resx</c> files, where translators work; these are what an admin enters in the form.
/// </summary>
public sealed class MilestoneText
{
    public int MilestoneId { get; set; }
    public Milestone? Milestone { get; set; }
    public required string Culture { get; set; }
    public required string Title { get; set; }
    public required string Description { get; set; }
}
