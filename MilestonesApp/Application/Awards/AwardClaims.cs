using Microsoft.EntityFrameworkCore;
using MilestonesApp.Celebrations;
using MilestonesApp.Data;
using MilestonesApp.Engine;

namespace MilestonesApp.Application.Awards;

/// <summary>
/// Decides which awards a browser tab celebrates. Inserting an award's seen-marker claims it: of two tabs (or an action
/// and an app open) racing on one award, only the one whose insert lands celebrates it.
/// </summary>
public sealed class AwardClaims(IDbContextFactory<AppDbContext> dbFactory, DatabaseWriteGate writeGate, MilestoneTextLocalizer texts, TimeProvider time)
{
    /// <summary>Claims awards the engine just granted; returns those this caller should celebrate.</summary>
    public async Task<IReadOnlyList<AwardedMilestone>> ClaimAsync(string userId, IReadOnlyList<AwardedMilestone> awards, CancellationToken cancellationToken = default)
    {
        if (awards.Count == 0)
        {
            return [];
        }

        var codes = awards.Select(a => a.Code).ToList();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var held = await db.UserMilestones
            .Where(a => a.UserId == userId && codes.Contains(a.Milestone!.Code))
            .Select(a => new { a.Id, a.Milestone!.Code })
            .ToListAsync(cancellationToken);

        var claimed = new HashSet<string>(StringComparer.Ordinal);
        using (await writeGate.EnterAsync(cancellationToken))
        {
            foreach (var award in held)
            {
                if (await TryClaimAsync(db, award.Id, cancellationToken))
                {
                    claimed.Add(award.Code);
                }
            }
        }

        return awards.Where(a => claimed.Contains(a.Code)).ToList();
    }

    /// <summary>Claims every award the person has not seen yet (made in another tab, on the sign-in page, by a backfill), oldest first.</summary>
    public async Task<IReadOnlyList<AwardedMilestone>> ClaimUnseenAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var unseen = await db.UserMilestones
            .Where(a => a.UserId == userId && !db.SeenAwards.Any(s => s.UserMilestoneId == a.Id))
            .OrderBy(a => a.Id)
            .Select(a => new { a.Id, a.AwardedAt, a.Milestone })
            .ToListAsync(cancellationToken);

        var claimed = new List<AwardedMilestone>();
        using (await writeGate.EnterAsync(cancellationToken))
        {
            foreach (var award in unseen)
            {
                if (await TryClaimAsync(db, award.Id, cancellationToken))
                {
                    claimed.Add(texts.Award(award.Milestone!.ToDefinition(), award.AwardedAt));
                }
            }
        }

        return claimed;
    }

    private async Task<bool> TryClaimAsync(AppDbContext db, long userMilestoneId, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO seen_awards (user_milestone_id, seen_at) VALUES ({userMilestoneId}, {time.GetUtcNow().ToUnixTimeMilliseconds()}) ON CONFLICT (user_milestone_id) DO NOTHING",
            cancellationToken) == 1;
}
