using MilestonesApp.Engine.Rules;
using MilestonesApp.Engine.Storage;

namespace MilestonesApp.Engine;

/// <summary>
/// What an event's transaction decides once the event is stored and its stats applied (<see cref="IEventIntake"/>: on
/// PostgreSQL the upsert's row lock is what orders one user's events, so nothing is evaluated before it), then, by the event's place in the user's time
/// line, one of three: an in-order login catches up on every milestone the user lacks; another in-order event
/// evaluates the milestones it triggers; a late event (older than the user's latest) moves receipts it proves earlier
/// and evaluates every milestone in time order.
/// </summary>
internal sealed class EventEvaluation(
    MilestoneDefinitionCache definitions,
    LoginCatchUp catchUp,
    AwardGranting granting,
    DependentAwards dependents,
    WindowCountBounds windowBounds,
    EngineMetrics metrics)
{
    public async Task<EventWritten> EvaluateAsync(DomainEvent domainEvent, RecordedIntake intake, DateTimeOffset now, EngineStore store, CancellationToken cancellationToken)
    {
        var recorded = new RecordedEvent(intake.EventId, domainEvent.EventType, StoredTime.Truncate(domainEvent.OccurredAt));
        var applied = intake.Applied;
        var catalog = await definitions.ForVersionAsync(store, applied.CatalogVersion, cancellationToken);
        var step = new Step(recorded, applied, catalog, store, now);
        if (recorded.OccurredAt < applied.Stats.LastActivityAt)
        {
            return await FollowDependentsAsync(step, await EvaluateLateAsync(step, cancellationToken), cancellationToken);
        }

        return recorded.EventType == EventTypes.UserLoggedIn
            ? await CatchUpAtLoginAsync(step, cancellationToken)
            : await FollowDependentsAsync(step, await EvaluateInOrderAsync(step, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// Milestones that list the ones this event awarded or moved earlier (<see cref="DependentAwards"/>), judged in the
    /// same transaction. A login's catch-up follows its own awards (<see cref="LoginCatchUp.AwardAsync"/>).
    /// </summary>
    private async Task<EventWritten> FollowDependentsAsync(Step step, EventWritten written, CancellationToken cancellationToken)
    {
        var followed = await dependents.FollowAsync(step.Store, step.UserId, step.Changed, step.Event.Id, step.Now, step.Catalog.Active, cancellationToken);
        return followed.Count == 0 ? written : written with { Granted = [.. written.Granted, .. followed] };
    }

    /// <summary>
    /// An in-order login: every milestone the user lacks, checked from the user's catch-up mark on where it covers it;
    /// what needs the whole history is left for after the commit (<see cref="LoginCatchUp.CompleteAsync"/>).
    /// </summary>
    private async Task<EventWritten> CatchUpAtLoginAsync(Step step, CancellationToken cancellationToken)
    {
        var context = new EvaluationContext(step.Event, step.Applied.Stats, new SqlUserHistory(step.Store, step.UserId));
        var findings = await catchUp.EvaluateAsync(context, step.Catalog, step.Applied.Mark, step.Applied.Held, whole: false, step.Store, cancellationToken);
        var granted = await catchUp.AwardAsync(step.Store, findings, step.Event, cancellationToken);
        if (findings.Complete)
        {
            await catchUp.TryMarkAsync(step.Store, findings, step.Event, cancellationToken);
        }

        return new EventWritten(step.Event.Id, WasDuplicate: false, granted, findings.Complete ? null : step.Event, WindowCounts: []);
    }

    /// <summary>
    /// Any other event that is the user's latest: the milestones it triggers and the user lacks, each read from the mark
    /// on where the mark covers it, windows ending at the event first bounded by earlier counts.
    /// </summary>
    private async Task<EventWritten> EvaluateInOrderAsync(Step step, CancellationToken cancellationToken)
    {
        var history = new SqlUserHistory(step.Store, step.UserId, (windowBounds, step.Applied.Stats));
        var context = new EvaluationContext(step.Event, step.Applied.Stats, history);
        var granted = new List<GrantedAward>();
        foreach (var milestone in step.Catalog.Active)
        {
            if (step.Applied.Held.Contains(milestone.Id) || milestone.Definition.TriggerEvent != step.Event.EventType)
            {
                continue;
            }

            var evaluated = context with { CaughtUpThrough = step.Applied.Mark?.ThroughFor(milestone) };
            if (await milestone.Rule.EvaluateAtEventAsync(evaluated, cancellationToken) is { } achievedBy)
            {
                await GrantAsync(step, milestone, achievedBy, granted, cancellationToken);
            }
        }

        metrics.WindowsChecked(history.WindowCounts.Count, history.WindowsBounded);
        return new EventWritten(step.Event.Id, WasDuplicate: false, granted, CatchUpLeft: null, history.WindowCounts);
    }

    /// <summary>
    /// An event older than the user's latest may change what earlier moments proved, for any milestone whatever its
    /// trigger: a held award's receipt moves to an earlier event the late one proves it by; a milestone the user lacks is
    /// judged over the events in time order. A late login reads from the mark on, as an in-order one does.
    /// </summary>
    private async Task<EventWritten> EvaluateLateAsync(Step step, CancellationToken cancellationToken)
    {
        var history = new SqlUserHistory(step.Store, step.UserId);
        var context = new EvaluationContext(step.Event, step.Applied.Stats, history);
        var receipts = await step.Store.Awards.HeldReceiptsAsync(step.UserId, cancellationToken);
        var lateLogin = step.Event.EventType == EventTypes.UserLoggedIn;
        var granted = new List<GrantedAward>();
        foreach (var milestone in step.Catalog.Active)
        {
            if (receipts.TryGetValue(milestone.Id, out var receipt))
            {
                await MoveReceiptEarlierAsync(step, context, milestone, receipt, cancellationToken);
                continue;
            }

            if (step.Applied.Held.Contains(milestone.Id))
            {
                continue;
            }

            var evaluated = context with { CaughtUpThrough = lateLogin ? step.Applied.Mark?.ThroughFor(milestone) : null };
            if (await milestone.Rule.EvaluateLateAsync(evaluated, milestone.Definition.TriggerEvent, cancellationToken) is { } achievedBy)
            {
                await GrantAsync(step, milestone, achievedBy, granted, cancellationToken);
            }
        }

        if (lateLogin)
        {
            metrics.CatchUpRead(CatchUpKind.Late, history.EventsRead);
        }

        metrics.WindowsChecked(history.WindowCounts.Count, history.WindowsBounded);
        return new EventWritten(step.Event.Id, WasDuplicate: false, granted, CatchUpLeft: null, history.WindowCounts);
    }

    private static async Task MoveReceiptEarlierAsync(
        Step step, EvaluationContext context, ActiveMilestone milestone, RecordedEvent receipt, CancellationToken cancellationToken)
    {
        if (await milestone.Rule.EarlierReceiptAsync(context, receipt, cancellationToken) is { } earlier && earlier.IsBefore(receipt))
        {
            await step.Store.Awards.MoveReceiptEarlierAsync(step.UserId, milestone.Id, earlier, cancellationToken);
            step.Changed.Add(milestone.Id);
        }
    }

    private async Task GrantAsync(Step step, ActiveMilestone milestone, RecordedEvent achievedBy, List<GrantedAward> granted, CancellationToken cancellationToken)
    {
        if (await granting.TryGrantAsync(step.Store, step.UserId, milestone, achievedBy, step.Event.Id, step.Now, cancellationToken) is { } award)
        {
            granted.Add(award);
            step.Changed.Add(milestone.Id);
        }
    }

    /// <summary>
    /// The event being evaluated with what its stats upsert returned, the catalog it read, and the transaction's store;
    /// <see cref="Changed"/> collects the milestones it awarded or moved earlier, for the dependents to follow.
    /// </summary>
    private sealed record Step(RecordedEvent Event, AppliedStats Applied, ActiveCatalog Catalog, EngineStore Store, DateTimeOffset Now)
    {
        public string UserId => Applied.Stats.UserId;

        public List<int> Changed { get; } = [];
    }
}
