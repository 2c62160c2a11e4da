namespace MilestonesApp.Engine.Storage;

/// <summary>
/// An event's first statements: store it under its idempotency key and, only when it is new, add its delta to the
/// user's stats. One step of its own so that a provider that can send both at once does (PostgreSQL: one round trip).
/// </summary>
internal interface IEventIntake
{
    /// <summary>The new event's id and the stats it left, or null when the key is stored already (then nothing changed).</summary>
    Task<RecordedIntake?> TryRecordAsync(
        EngineStore store, DomainEvent domainEvent, string? metadata, DateTimeOffset recordedAt, StatsDelta delta, CancellationToken cancellationToken);
}
