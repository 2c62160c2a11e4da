namespace MilestonesApp.Engine.Rules;

/// <summary>A stored event as rules see it: ordered by (OccurredAt, Id).</summary>
public sealed record RecordedEvent(long Id, string EventType, DateTimeOffset OccurredAt);
