using MilestonesApp.Engine.Rules;
using MilestonesApp.Engine.Storage;

namespace MilestonesApp.Engine;

/// <summary>
/// The step after awards: milestones whose rule reads other milestones' receipts (<see cref="IMilestoneRule.MilestonesRead"/>)
/// are judged again, in the same transaction, whenever one of those is awarded or its receipt moves earlier: awarded
/// when their specification now holds, their receipt moved when it now names an earlier moment. What that changes is
/// followed in turn (one may list another), until nothing changes. Given the catalog, it reads nothing when no active
/// rule reads what changed.
/// </summary>
internal sealed class DependentAwards(MilestoneDefinitionCache definitions)
{
    /// <summary>
    /// Follows up the awards or receipt moves of <paramref name="changed"/> (milestone ids) for one user; returns the
    /// dependent milestones newly awarded, granted by <paramref name="awardedBy"/> (null for a backfill).
    /// <paramref name="active"/> is the catalog the transaction evaluates, read here when not given.
    /// </summary>
    public async Task<IReadOnlyList<GrantedAward>> FollowAsync(
        EngineStore store, string userId, IReadOnlyCollection<int> changed, long? awardedBy, DateTimeOffset now,
        IReadOnlyList<ActiveMilestone>? active, CancellationToken cancellationToken)
    {
        if (changed.Count == 0)
        {
            return [];
        }

        active ??= await definitions.GetActiveAsync(store, cancellationToken);
        var dependents = active.Where(m => m.Rule.MilestonesRead.Count > 0).ToList();
        var codes = active.ToDictionary(m => m.Id, m => m.Definition.Code);
        var changedCodes = changed.Where(codes.ContainsKey).Select(id => codes[id]).ToHashSet(StringComparer.Ordinal);
        if (!dependents.Any(m => Reads(m, changedCodes)))
        {
            return [];
        }

        var held = await store.Awards.HeldReceiptsByCodeAsync(userId, cancellationToken);
        var awarded = new List<GrantedAward>();
        // A chain of milestones listing each other is at most as long as there are such milestones; the bound also ends
        // a circle saved past validation (as a stored definition never is).
        for (var round = 0; round <= dependents.Count && changedCodes.Count > 0; round++)
        {
            var next = new HashSet<string>(StringComparer.Ordinal);
            foreach (var dependent in dependents.Where(m => Reads(m, changedCodes)))
            {
                var code = dependent.Definition.Code;
                if (dependent.Rule.FirstHeld(new UserLog([], held)) is not { } first)
                {
                    continue;
                }

                if (held.TryGetValue(code, out var receipt))
                {
                    if (first.IsBefore(receipt))
                    {
                        await store.Awards.MoveReceiptEarlierAsync(userId, dependent.Id, first, cancellationToken);
                        held[code] = first;
                        next.Add(code);
                    }
                }
                else if (await store.Awards.TryInsertAsync(userId, dependent.Id, first, awardedBy, now, cancellationToken))
                {
                    awarded.Add(new GrantedAward(dependent.Definition, StoredTime.Truncate(now), StoredTime.Truncate(first.OccurredAt)));
                    held[code] = first;
                    next.Add(code);
                }
            }

            changedCodes = next;
        }

        return awarded;
    }

    /// <summary>The follow-up of a backfill batch: the milestone was just awarded to each of <paramref name="recipients"/>.</summary>
    public async Task<IReadOnlyList<AwardNotice>> FollowEachAsync(
        EngineStore store, int milestoneId, IReadOnlyList<string> recipients, DateTimeOffset awardedAt, CancellationToken cancellationToken)
    {
        var notices = new List<AwardNotice>();
        if (recipients.Count == 0)
        {
            return notices;
        }

        var active = await definitions.GetActiveAsync(store, cancellationToken);
        foreach (var userId in recipients)
        {
            var followed = await FollowAsync(store, userId, [milestoneId], awardedBy: null, awardedAt, active, cancellationToken);
            notices.AddRange(followed.Select(award => new AwardNotice(userId, award.Definition.Code)));
        }

        return notices;
    }

    private static bool Reads(ActiveMilestone dependent, HashSet<string> codes) => dependent.Rule.MilestonesRead.Any(codes.Contains);
}
