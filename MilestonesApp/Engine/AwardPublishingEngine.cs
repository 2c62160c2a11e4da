namespace MilestonesApp.Engine;

/// <summary>
/// The engine as the app uses it: after an event's transaction has committed (and the write gate is released), its
/// newly inserted awards are published, so that every open tab of the person hears of them. A duplicate publishes
/// nothing: its awards were published when the original was recorded.
/// </summary>
internal sealed class AwardPublishingEngine(MilestoneEngine engine, IAwardNotifier notifier) : IMilestoneEngine
{
    public async Task<EngineResult> RecordAsync(DomainEvent domainEvent, CancellationToken cancellationToken = default)
    {
        var result = await engine.RecordAsync(domainEvent, cancellationToken);
        if (!result.WasDuplicate && result.NewlyAwarded.Count > 0)
        {
            // Committed already: the caller's cancellation must not keep the fact from the listeners.
            await notifier.PublishAsync([.. result.NewlyAwarded.Select(a => new AwardNotice(domainEvent.UserId, a.Code))], CancellationToken.None);
        }

        return result;
    }
}
