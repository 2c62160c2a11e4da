using MilestonesApp.Engine.Storage;

namespace MilestonesApp.Engine;

/// <summary>
/// Records one event per transaction, in named steps: validate; in the write transaction, store the event (or replay
/// the original of a duplicate), evaluate it (<see cref="EventEvaluation"/>) and run the caller's own rows alongside;
/// after the commit, remember the windows counted, complete a login's whole-history catch-up
/// (<see cref="LoginCatchUp.CompleteAsync"/>) and word the awards for the caller.
/// </summary>
internal sealed class MilestoneEngine(
    MilestoneDefinitionCache definitions,
    IEngineWriter writer,
    IEventIntake intake,
    EventEvaluation evaluation,
    LoginCatchUp catchUp,
    WindowCountBounds windowBounds,
    DomainEventValidator validator,
    IMilestoneTexts texts,
    TimeProvider time)
{
    public async Task<EngineResult> RecordAsync(DomainEvent domainEvent, AlongsideWrite? alongside, CancellationToken cancellationToken)
    {
        var metadata = validator.Validate(domainEvent);
        var written = await writer.WriteAsync((store, token) => WriteAsync(domainEvent, metadata, alongside, store, token), cancellationToken);
        windowBounds.Remember(written.WindowCounts);
        IReadOnlyList<GrantedAward> granted = written.CatchUpLeft is { } login
            ? [.. written.Granted, .. await catchUp.CompleteAsync(domainEvent.UserId, login, cancellationToken)]
            : written.Granted;
        // Worded here, after the commit, on the caller's own flow: in the culture it called with, whichever caller's
        // thread ran the write it shared a commit with.
        return new EngineResult(written.EventId, written.WasDuplicate, texts.Describe(granted));
    }

    /// <summary>The event's transaction: the event stored and evaluated, or the original of a duplicate replayed; then the caller's rows.</summary>
    private async Task<EventWritten> WriteAsync(
        DomainEvent domainEvent, string? metadata, AlongsideWrite? alongside, EngineStore store, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var delta = StatsProjection.DeltaOf(domainEvent.EventType, StoredTime.Truncate(domainEvent.OccurredAt));
        var written = await intake.TryRecordAsync(store, domainEvent, metadata, now, delta, cancellationToken) is { } recorded
            ? await evaluation.EvaluateAsync(domainEvent, recorded, now, store, cancellationToken)
            : await ReplayDuplicateAsync(domainEvent, metadata, store, cancellationToken);
        if (alongside is not null)
        {
            await alongside(new WriteTransaction(store.Connection, store.Transaction), written.EventId, cancellationToken);
        }

        return written;
    }

    /// <summary>
    /// The key is stored already: a retry of the same event changes nothing and reports what the original awarded; the
    /// same key with another event is refused.
    /// </summary>
    private async Task<EventWritten> ReplayDuplicateAsync(DomainEvent domainEvent, string? metadata, EngineStore store, CancellationToken cancellationToken)
    {
        var original = await store.Events.ForKeyAsync(domainEvent.UserId, domainEvent.IdempotencyKey!, cancellationToken);
        if (!original.IsRepeatedBy(domainEvent, metadata))
        {
            throw new IdempotencyKeyReusedException(domainEvent.UserId, domainEvent.IdempotencyKey!, original.Id);
        }

        var granted = await store.Awards.GrantedByAsync(original.Id, cancellationToken);
        return new EventWritten(original.Id, WasDuplicate: true, await GrantedAsync(store, granted, cancellationToken), CatchUpLeft: null, WindowCounts: []);
    }

    private async Task<IReadOnlyList<GrantedAward>> GrantedAsync(
        EngineStore store, IReadOnlyList<(int MilestoneId, DateTimeOffset AwardedAt, DateTimeOffset AchievedAt)> granted, CancellationToken cancellationToken)
    {
        if (granted.Count == 0)
        {
            return [];
        }

        // An award's milestone may have been deactivated since: read every definition, not only the active ones.
        var byId = (await definitions.GetActiveAsync(store, cancellationToken)).ToDictionary(m => m.Id, m => m.Definition);
        if (granted.Any(award => !byId.ContainsKey(award.MilestoneId)))
        {
            byId = (await store.Catalog.MilestonesAsync(activeOnly: false, cancellationToken)).ToDictionary(m => m.Id, m => m.Definition);
        }

        return [.. granted.Select(award => new GrantedAward(byId[award.MilestoneId], award.AwardedAt, award.AchievedAt))];
    }
}
