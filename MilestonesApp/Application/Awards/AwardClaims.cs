using Microsoft.EntityFrameworkCore;
using MilestonesApp.Data;
using MilestonesApp.Engine;

namespace MilestonesApp.Application.Awards;

/// <summary>
/// Decides which awards a browser tab celebrates. Inserting an award's seen-marker claims it: of two tabs (or an action
/// and an app open) racing on one award, only the one whose insert lands celebrates it.
/// </summary>
public sealed class AwardClaims(IDbContextFactory<AppDbContext> dbFactory, IEngineReads engine, AppWritePath writes, IMilestoneTexts texts, TimeProvider time)
{
    /// <summary>Claims awards the engine just granted; returns those this caller should celebrate.</summary>
    public async Task<IReadOnlyList<AwardedMilestone>> ClaimAsync(string userId, IReadOnlyList<AwardedMilestone> awards, CancellationToken cancellationToken = default)
    {
        if (awards.Count == 0)
        {
            return [];
        }

        var awarded = awards.Select(a => a.Code).ToHashSet(StringComparer.Ordinal);
        var held = (await engine.AwardsAsync(userId, cancellationToken)).Where(award => awarded.Contains(award.Milestone.Code)).ToList();

        var claimed = await ClaimAsync(held.ConvertAll(award => award.Id), cancellationToken);
        var codes = held.Where(award => claimed.Contains(award.Id)).Select(award => award.Milestone.Code).ToHashSet(StringComparer.Ordinal);
        return awards.Where(a => codes.Contains(a.Code)).ToList();
    }

    /// <summary>Claims every award the person has not seen yet (made in another tab, on the sign-in page, by a backfill), oldest first.</summary>
    public async Task<IReadOnlyList<AwardedMilestone>> ClaimUnseenAsync(string userId, CancellationToken cancellationToken = default)
    {
        var held = await engine.AwardsAsync(userId, cancellationToken);
        if (held.Count == 0)
        {
            return [];
        }

        var ids = held.Select(award => award.Id).ToList();
        List<long> seen;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            seen = await db.SeenAwards.Where(s => ids.Contains(s.UserMilestoneId)).Select(s => s.UserMilestoneId).ToListAsync(cancellationToken);
        }

        var unseen = held.Where(award => !seen.Contains(award.Id)).ToList();
        var claimed = await ClaimAsync(unseen.ConvertAll(award => award.Id), cancellationToken);
        return unseen.Where(award => claimed.Contains(award.Id)).Select(award => texts.Award(award.Milestone, award.AwardedAt, award.AchievedAt) with { WhileAway = award.Backfilled })
            .ToList();
    }

    /// <summary>Inserts a seen-marker for each award, in one write; returns the ids of the awards whose marker this call inserted.</summary>
    private async Task<HashSet<long>> ClaimAsync(List<long> userMilestoneIds, CancellationToken cancellationToken)
    {
        if (userMilestoneIds.Count == 0)
        {
            return [];
        }

        var seenAt = time.GetUtcNow().ToUnixTimeMilliseconds();
        return await writes.WriteAsync(async (db, token) =>
        {
            var claimed = new HashSet<long>();
            foreach (var id in userMilestoneIds)
            {
                if (await db.Database.ExecuteSqlAsync(
                    $"INSERT INTO seen_awards (user_milestone_id, seen_at) VALUES ({id}, {seenAt}) ON CONFLICT (user_milestone_id) DO NOTHING", token) == 1)
                {
                    claimed.Add(id);
                }
            }

            return claimed;
        }, cancellationToken);
    }
}
