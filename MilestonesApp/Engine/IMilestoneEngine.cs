namespace MilestonesApp.Engine;

public interface IMilestoneEngine
{
    /// <summary>
    /// Stores the event, updates the user's stats and grants every milestone it completes, in one transaction.
    /// Throws <see cref="InvalidDomainEventException"/> before writing anything when the event is malformed.
    /// </summary>
    Task<EngineResult> RecordAsync(DomainEvent domainEvent, CancellationToken cancellationToken = default);
}
