namespace MilestonesApp.Engine.Rules;

/// <summary>A stored event as rules see it: ordered by (OccurredAt, Id).</summary>
public sealed record RecordedEvent(long Id, string EventType, DateTimeOffset OccurredAt)
{
    /// <summary>Whether this event comes before <paramref name="other"/> in time order, ties at one instant going by id.</summary>
    public bool IsBefore(RecordedEvent other) => OccurredAt < other.OccurredAt || (OccurredAt == other.OccurredAt && Id < other.Id);
}
