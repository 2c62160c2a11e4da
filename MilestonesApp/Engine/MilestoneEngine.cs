using MilestonesApp.Engine.Rules;
using MilestonesApp.Engine.Storage;

namespace MilestonesApp.Engine;

/// <summary>
/// Records one event per transaction: insert the event, add its delta to the stats row, evaluate the milestones it
/// triggers (all unheld ones on a login: catch-up), insert awards that the unique constraint lets through, commit.
/// Nothing is evaluated before the stats upsert: on PostgreSQL its row lock is what orders one user's events.
/// </summary>
internal sealed class MilestoneEngine(
    MilestoneDefinitionCache definitions,
    IEngineWriter writer,
    DomainEventValidator validator,
    IMilestoneTexts texts,
    TimeProvider time) : IMilestoneEngine
{
    public async Task<EngineResult> RecordAsync(DomainEvent domainEvent, CancellationToken cancellationToken = default)
    {
        var metadata = validator.Validate(domainEvent);
        return await writer.WriteAsync((store, token) => RecordInTransactionAsync(domainEvent, metadata, store, token), cancellationToken);
    }

    private async Task<EngineResult> RecordInTransactionAsync(
        DomainEvent domainEvent, string? metadata, EngineStore store, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();

        var eventId = await store.TryInsertEventAsync(domainEvent, metadata, now, cancellationToken);
        if (eventId is null)
        {
            var original = await store.EventForKeyAsync(domainEvent.UserId, domainEvent.IdempotencyKey!, cancellationToken);
            if (!original.IsRepeatedBy(domainEvent, metadata))
            {
                throw new IdempotencyKeyReusedException(domainEvent.UserId, domainEvent.IdempotencyKey!, original.Id);
            }

            var granted = await store.AwardsGrantedByAsync(original.Id, cancellationToken);
            var current = await definitions.GetActiveAsync(store, cancellationToken);
            return new EngineResult(original.Id, WasDuplicate: true, await DescribeAsync(store, granted, current, cancellationToken));
        }

        var recorded = new RecordedEvent(eventId.Value, domainEvent.EventType, TruncateToStoredPrecision(domainEvent.OccurredAt));
        var (stats, catalogVersion, held) = await store.ApplyStatsAsync(domainEvent.UserId, StatsProjection.DeltaOf(recorded.EventType, recorded.OccurredAt), cancellationToken);
        var active = await definitions.ForVersionAsync(store, catalogVersion, cancellationToken);
        var context = new EvaluationContext(recorded, stats, new SqlUserHistory(store, domainEvent.UserId));

        // An event older than the user's latest may change what earlier moments proved: only then are receipts read.
        var late = recorded.OccurredAt < stats.LastActivityAt;
        var receipts = late ? await store.HeldReceiptsAsync(domainEvent.UserId, cancellationToken) : null;
        var catchUp = recorded.EventType == EventTypes.UserLoggedIn;

        var awarded = new List<AwardedMilestone>();
        foreach (var milestone in active)
        {
            if (receipts is not null && receipts.TryGetValue(milestone.Id, out var receipt))
            {
                if (await milestone.Rule.EarlierReceiptAsync(context, receipt, cancellationToken) is { } earlier && earlier.IsBefore(receipt))
                {
                    await store.MoveReceiptEarlierAsync(domainEvent.UserId, milestone.Id, earlier, cancellationToken);
                }

                continue;
            }

            if (held.Contains(milestone.Id) || (!late && !catchUp && milestone.Definition.TriggerEvent != recorded.EventType))
            {
                continue;
            }

            var achievedBy = late ? await milestone.Rule.EvaluateLateAsync(context, milestone.Definition.TriggerEvent, cancellationToken)
                : catchUp ? (milestone.Rule.MayHold(stats) ? await milestone.Rule.FindFirstAsync(context, cancellationToken) : null)
                : await milestone.Rule.EvaluateAtEventAsync(context, cancellationToken);
            if (achievedBy is not null &&
                await store.TryInsertAwardAsync(domainEvent.UserId, milestone.Id, achievedBy, recorded.Id, now, cancellationToken))
            {
                awarded.Add(texts.Award(milestone.Definition, TruncateToStoredPrecision(now)));
            }
        }

        return new EngineResult(recorded.Id, WasDuplicate: false, awarded);
    }

    // Times are stored as whole milliseconds; rules must compare what was stored, not what was passed in.
    private static DateTimeOffset TruncateToStoredPrecision(DateTimeOffset value) =>
        DateTimeOffset.FromUnixTimeMilliseconds(value.ToUnixTimeMilliseconds());

    private async Task<IReadOnlyList<AwardedMilestone>> DescribeAsync(
        EngineStore store, IReadOnlyList<(int MilestoneId, DateTimeOffset AwardedAt)> granted, IReadOnlyList<ActiveMilestone> active, CancellationToken cancellationToken)
    {
        if (granted.Count == 0)
        {
            return [];
        }

        // An award's milestone may have been deactivated since: read every definition, not only the active ones.
        var byId = active.ToDictionary(m => m.Id, m => m.Definition);
        if (granted.Any(award => !byId.ContainsKey(award.MilestoneId)))
        {
            byId = (await store.MilestonesAsync(activeOnly: false, cancellationToken)).ToDictionary(m => m.Id, m => m.Definition);
        }

        return granted.Select(award => texts.Award(byId[award.MilestoneId], award.AwardedAt)).ToList();
    }
}
