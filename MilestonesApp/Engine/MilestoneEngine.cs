using MilestonesApp.Engine.Rules;
using MilestonesApp.Engine.Storage;

namespace MilestonesApp.Engine;

/// <summary>
/// Records one event per transaction: insert the event, add its delta to the stats row, evaluate the milestones it
/// triggers, insert awards that the unique constraint lets through, commit. A login also catches up on every milestone
/// the user lacks (<see cref="LoginCatchUp"/>): inside the transaction from the user's catch-up mark on, and, for what
/// the mark does not cover, over the whole history after the commit.
/// Nothing is evaluated before the stats upsert: on PostgreSQL its row lock is what orders one user's events.
/// </summary>
internal sealed class MilestoneEngine(
    MilestoneDefinitionCache definitions,
    IEngineWriter writer,
    LoginCatchUp catchUp,
    WindowCountBounds windowBounds,
    EngineMetrics metrics,
    DomainEventValidator validator,
    IMilestoneTexts texts,
    TimeProvider time,
    DependentAwards dependents) : IMilestoneEngine
{
    public async Task<EngineResult> RecordAsync(DomainEvent domainEvent, CancellationToken cancellationToken = default)
    {
        var metadata = validator.Validate(domainEvent);
        var recorded = await writer.WriteAsync((store, token) => RecordInTransactionAsync(domainEvent, metadata, store, token), cancellationToken);
        windowBounds.Remember(recorded.WindowCounts);
        if (recorded.CatchUpLeft is not { } login)
        {
            return recorded.Result;
        }

        var caughtUp = await catchUp.CompleteAsync(domainEvent.UserId, login, cancellationToken);
        return caughtUp.Count == 0 ? recorded.Result : recorded.Result with { NewlyAwarded = [.. recorded.Result.NewlyAwarded, .. caughtUp] };
    }

    private async Task<Recorded> RecordInTransactionAsync(
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
            var described = await DescribeAsync(store, granted, current, cancellationToken);
            return new Recorded(new EngineResult(original.Id, WasDuplicate: true, described), CatchUpLeft: null, WindowCounts: []);
        }

        var recorded = new RecordedEvent(eventId.Value, domainEvent.EventType, TruncateToStoredPrecision(domainEvent.OccurredAt));
        var (stats, mark, catalogVersion, held) = await store.ApplyStatsAsync(domainEvent.UserId, StatsProjection.DeltaOf(recorded.EventType, recorded.OccurredAt), cancellationToken);
        var catalog = await definitions.ForVersionAsync(store, catalogVersion, cancellationToken);
        // An event older than the user's latest may change what earlier moments proved: only then are receipts read.
        var late = recorded.OccurredAt < stats.LastActivityAt;
        var history = new SqlUserHistory(store, domainEvent.UserId, late ? null : (windowBounds, stats));
        var context = new EvaluationContext(recorded, stats, history);
        var receipts = late ? await store.HeldReceiptsAsync(domainEvent.UserId, cancellationToken) : null;

        if (!late && recorded.EventType == EventTypes.UserLoggedIn)
        {
            var findings = await catchUp.EvaluateAsync(context, catalog, mark, held, whole: false, store, cancellationToken);
            var caughtUp = await catchUp.AwardAsync(store, findings, recorded, cancellationToken);
            if (findings.Complete)
            {
                await catchUp.TryMarkAsync(store, findings, recorded, cancellationToken);
            }

            return new Recorded(new EngineResult(recorded.Id, WasDuplicate: false, caughtUp), findings.Complete ? null : recorded, history.WindowCounts);
        }

        // A rule looking for the first moment its milestone held reads from the user's mark on, where it covers it: at an
        // in-order event, and at a late login as at an in-order one.
        var lateLogin = late && recorded.EventType == EventTypes.UserLoggedIn;
        var readFrom = late && !lateLogin ? null : mark;
        var awarded = new List<AwardedMilestone>();
        var changed = new List<int>();
        foreach (var milestone in catalog.Active)
        {
            if (receipts is not null && receipts.TryGetValue(milestone.Id, out var receipt))
            {
                if (await milestone.Rule.EarlierReceiptAsync(context, receipt, cancellationToken) is { } earlier && earlier.IsBefore(receipt))
                {
                    await store.MoveReceiptEarlierAsync(domainEvent.UserId, milestone.Id, earlier, cancellationToken);
                    changed.Add(milestone.Id);
                }

                continue;
            }

            if (held.Contains(milestone.Id) || (!late && milestone.Definition.TriggerEvent != recorded.EventType))
            {
                continue;
            }

            var evaluated = context with { CaughtUpThrough = readFrom?.ThroughFor(milestone) };
            var achievedBy = late
                ? await milestone.Rule.EvaluateLateAsync(evaluated, milestone.Definition.TriggerEvent, cancellationToken)
                : await milestone.Rule.EvaluateAtEventAsync(evaluated, cancellationToken);
            if (achievedBy is not null &&
                await store.TryInsertAwardAsync(domainEvent.UserId, milestone.Id, achievedBy, recorded.Id, now, cancellationToken))
            {
                awarded.Add(texts.Award(milestone.Definition, TruncateToStoredPrecision(now)));
                changed.Add(milestone.Id);
            }
        }

        var followed = await dependents.FollowAsync(store, domainEvent.UserId, changed, recorded.Id, now, catalog.Active, cancellationToken);
        awarded.AddRange(followed.Select(definition => texts.Award(definition, TruncateToStoredPrecision(now))));

        if (lateLogin)
        {
            metrics.CatchUpRead(CatchUpKind.Late, history.EventsRead);
        }

        metrics.WindowsChecked(history.WindowCounts.Count, history.WindowsBounded);

        return new Recorded(new EngineResult(recorded.Id, WasDuplicate: false, awarded), CatchUpLeft: null, history.WindowCounts);
    }

    // Times are stored as whole milliseconds; rules must compare what was stored, not what was passed in.
    internal static DateTimeOffset TruncateToStoredPrecision(DateTimeOffset value) =>
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

    /// <summary>
    /// What the event's transaction did, the login whose whole-history catch-up is left for after its commit, and the
    /// windows it counted, to remember once it has committed.
    /// </summary>
    private sealed record Recorded(EngineResult Result, RecordedEvent? CatchUpLeft, IReadOnlyList<(WindowKey Window, WindowCount Count)> WindowCounts);
}
