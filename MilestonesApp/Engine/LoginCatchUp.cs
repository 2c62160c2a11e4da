using MilestonesApp.Engine.Rules;
using MilestonesApp.Engine.Storage;

namespace MilestonesApp.Engine;

/// <summary>
/// Catch-up at an in-order login: every active milestone the user lacks is checked over the history up to the login.
/// A milestone that the user's catch-up mark covers (unchanged since their last complete catch-up) is checked from the
/// mark on, inside the login's own transaction, at a cost that does not grow with the history. The rest (milestones
/// added or changed since, or all of them before a user's first complete catch-up) need the whole history: that read
/// runs after the login committed, on a snapshot, so that no history scan holds the write gate, and its awards and the
/// new mark are written in a short transaction of their own, only if the user's row is still as the snapshot showed it.
/// </summary>
internal sealed class LoginCatchUp(
    MilestoneDefinitionCache definitions,
    IEngineSnapshots snapshots,
    IEngineWriter writer,
    AwardGranting granting,
    TimeProvider time,
    EngineMetrics metrics,
    DependentAwards dependents)
{
    private const int SnapshotAttempts = 3;

    /// <summary>
    /// Checks the milestones of <paramref name="catalog"/> the user lacks at the login of <paramref name="context"/>:
    /// those the mark covers from the mark on; the others over the whole history if <paramref name="whole"/>, otherwise
    /// left for <see cref="CompleteAsync"/> (and the result is not complete).
    /// </summary>
    public async Task<CatchUpFindings> EvaluateAsync(
        EvaluationContext context, ActiveCatalog catalog, CatchUpMark? mark, IReadOnlySet<int> held, bool whole, EngineStore store, CancellationToken cancellationToken)
    {
        var userId = context.Stats.UserId;
        var sinceMark = new SqlUserHistory(store, userId);
        var full = new SqlUserHistory(store, userId);
        var found = new List<(ActiveMilestone, RecordedEvent)>();
        var complete = true;
        foreach (var milestone in catalog.Active)
        {
            // Stats only grow: a condition the stats rule out now held at no moment before.
            if (held.Contains(milestone.Id) || !milestone.Rule.MayHold(context.Stats))
            {
                continue;
            }

            // Judged at each event that could complete it, since the mark: nothing to find. Not when logins trigger it:
            // this login's judgement is this catch-up.
            var caughtUpThrough = mark?.ThroughFor(milestone);
            var trigger = milestone.Definition.TriggerEvent;
            if (caughtUpThrough is not null && trigger != EventTypes.UserLoggedIn && milestone.Rule.IsJudgedAtEveryCompletingEvent(trigger))
            {
                continue;
            }

            RecordedEvent? achievedBy;
            if (caughtUpThrough is { } through)
            {
                achievedBy = await milestone.Rule.FindFirstSinceAsync(context with { History = sinceMark }, through, cancellationToken);
            }
            else if (whole)
            {
                achievedBy = await milestone.Rule.FindFirstAsync(context with { History = full }, cancellationToken);
            }
            else
            {
                complete = false;
                continue;
            }

            if (achievedBy is not null)
            {
                found.Add((milestone, achievedBy));
            }
        }

        metrics.CatchUpRead(CatchUpKind.Incremental, sinceMark.EventsRead);
        metrics.CatchUpRead(CatchUpKind.Full, full.EventsRead);
        return new CatchUpFindings(catalog.Version, context.Stats, mark, found, complete);
    }

    /// <summary>Inserts the awards found, as granted by the login; returns those the unique key let through.</summary>
    public async Task<IReadOnlyList<GrantedAward>> AwardAsync(
        EngineStore store, CatchUpFindings findings, RecordedEvent login, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var awarded = new List<GrantedAward>();
        var inserted = new List<int>();
        foreach (var (milestone, achievedBy) in findings.Found)
        {
            if (await granting.TryGrantAsync(store, findings.Stats.UserId, milestone, achievedBy, login.Id, now, cancellationToken) is { } award)
            {
                awarded.Add(award);
                inserted.Add(milestone.Id);
            }
        }

        awarded.AddRange(await dependents.FollowAsync(store, findings.Stats.UserId, inserted, login.Id, now, active: null, cancellationToken));
        return awarded;
    }

    /// <summary>Stores the mark a complete catch-up at the login reached, if the user's row is as the findings read it.</summary>
    public Task<bool> TryMarkAsync(EngineStore store, CatchUpFindings findings, RecordedEvent login, CancellationToken cancellationToken) =>
        store.Stats.TryMarkCaughtUpAsync(findings.Stats, findings.Mark, new CatchUpMark(findings.CatalogVersion, login.OccurredAt), cancellationToken);

    /// <summary>
    /// The whole-history part of the login's catch-up, after the login committed: read on a snapshot, then award and mark
    /// in a write transaction if nothing the snapshot showed of the user has changed, else read again. Awards name the
    /// login as what granted them, so a retry of the login reports them too.
    /// </summary>
    public async Task<IReadOnlyList<GrantedAward>> CompleteAsync(string userId, RecordedEvent login, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < SnapshotAttempts; attempt++)
        {
            var findings = await snapshots.ReadAsync(store => EvaluateWholeAsync(store, userId, login, cancellationToken), cancellationToken);
            var awarded = await writer.WriteAsync(
                async (store, token) => await TryMarkAsync(store, findings, login, token) ? await AwardAsync(store, findings, login, token) : null,
                cancellationToken);
            if (awarded is not null)
            {
                return awarded;
            }

            metrics.CatchUpConflict();
        }

        // A user whose events keep arriving between the snapshot and the write would fail every attempt: evaluate once
        // more inside a write transaction, the user's row locked first, so that nothing can come between (the scan then
        // holds the write gate, as every login's did before; rare by construction).
        return await writer.WriteAsync(async (store, token) =>
        {
            await store.Stats.LockAsync(userId, token);
            var locked = await EvaluateWholeAsync(store, userId, login, token);
            return await TryMarkAsync(store, locked, login, token) ? await AwardAsync(store, locked, login, token) : [];
        }, cancellationToken);
    }

    private async Task<CatchUpFindings> EvaluateWholeAsync(EngineStore store, string userId, RecordedEvent login, CancellationToken cancellationToken)
    {
        var catalog = await definitions.GetCatalogAsync(store, cancellationToken);
        var stats = await store.Stats.ReadAsync(userId, cancellationToken);
        var mark = await store.Stats.CatchUpMarkAsync(userId, cancellationToken);
        var held = await store.Awards.HeldMilestoneIdsAsync(userId, cancellationToken);
        var context = new EvaluationContext(login, stats, new SqlUserHistory(store, userId));
        return await EvaluateAsync(context, catalog, mark, held, whole: true, store, cancellationToken);
    }
}

/// <summary>What a login's catch-up found, and what it read to find it (the row its mark must still match).</summary>
internal sealed record CatchUpFindings(
    long CatalogVersion, UserStatsSnapshot Stats, CatchUpMark? Mark, IReadOnlyList<(ActiveMilestone Milestone, RecordedEvent AchievedBy)> Found, bool Complete);
