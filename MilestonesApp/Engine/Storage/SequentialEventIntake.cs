namespace MilestonesApp.Engine.Storage;

/// <summary>The event, then its stats: two statements, in the SQL both providers accept.</summary>
internal sealed class SequentialEventIntake : IEventIntake
{
    public async Task<RecordedIntake?> TryRecordAsync(
        EngineStore store, DomainEvent domainEvent, string? metadata, DateTimeOffset recordedAt, StatsDelta delta, CancellationToken cancellationToken) =>
        await store.Events.TryInsertAsync(domainEvent, metadata, recordedAt, cancellationToken) is { } eventId
            ? new RecordedIntake(eventId, await store.Stats.ApplyAsync(domainEvent.UserId, delta, cancellationToken))
            : null;
}
