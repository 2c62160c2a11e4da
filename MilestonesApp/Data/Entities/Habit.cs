namespace MilestonesApp.Data.Entities;

/// <summary>A row of <c>habits</c>. Archiving hides a habit from today's list; its completions stay in the event log.</summary>
public sealed class Habit
{
    public long Id { get; set; }
    public required string UserId { get; set; }
    public required string Name { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ArchivedAt { get; set; }
}
