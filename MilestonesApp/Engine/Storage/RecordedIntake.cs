namespace MilestonesApp.Engine.Storage;

/// <summary>A stored event's id and what its stats upsert returned.</summary>
internal sealed record RecordedIntake(long EventId, AppliedStats Applied);
