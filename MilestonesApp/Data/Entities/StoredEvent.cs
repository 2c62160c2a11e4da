namespace MilestonesApp.Data.Entities;

/// <summary>A row of <c>events</c>: append-only, never updated.</summary>
public sealed class StoredEvent
{
    public long Id { get; set; }
    public required string UserId { get; set; }
    public required string EventType { get; set; }
    public DateTimeOffset OccurredAt { get; set; }
    public string? Metadata { get; set; }
    public string? IdempotencyKey { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}
