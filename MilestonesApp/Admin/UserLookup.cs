using Microsoft.EntityFrameworkCore;
using MilestonesApp.Celebrations;
using MilestonesApp.Data;
using MilestonesApp.Engine;

namespace MilestonesApp.Admin;

/// <summary>Finds one user by e-mail or user id and reports their stats, awards and latest events. Reads only.</summary>
internal sealed class UserLookup(AdminGuard guard, IDbContextFactory<AppDbContext> dbFactory, MilestoneTextLocalizer texts)
{
    public const int RecentEventCount = 20;

    /// <summary>The user whose e-mail or id is <paramref name="emailOrUserId"/>, or null when neither an account nor any activity matches.</summary>
    public async Task<UserReport?> FindAsync(string emailOrUserId, CancellationToken cancellationToken = default)
    {
        await guard.EnsureAdminAsync();
        var query = emailOrUserId.Trim();
        if (query.Length == 0)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var normalized = query.ToUpperInvariant();
        var account = await db.Users.AsNoTracking()
            .Where(user => user.NormalizedEmail == normalized || user.Id == query)
            .Select(user => new { user.Id, user.Email })
            .FirstOrDefaultAsync(cancellationToken);
        var userId = account?.Id ?? query;

        var stats = await db.UserStats.AsNoTracking().SingleOrDefaultAsync(row => row.UserId == userId, cancellationToken);
        if (account is null && stats is null)
        {
            return null;
        }

        var held = await db.UserMilestones.AsNoTracking()
            .Where(award => award.UserId == userId)
            .OrderBy(award => award.AchievedAt).ThenBy(award => award.Id)
            .Select(award => new { award.Milestone, award.AchievedAt, award.AwardedAt, award.EventId, award.AwardedByEventId })
            .ToListAsync(cancellationToken);
        // Titles in the admin's language, as the milestone list shows them, not the definitions' default text.
        var awards = held.Select(award => new UserReport.Award(
                award.Milestone!.Code, award.Milestone.Icon, texts.Title(award.Milestone.ToDefinition()),
                award.AchievedAt, award.AwardedAt, award.EventId, award.AwardedByEventId))
            .ToList();
        var events = await db.Events.AsNoTracking()
            .Where(stored => stored.UserId == userId)
            .OrderByDescending(stored => stored.OccurredAt).ThenByDescending(stored => stored.Id)
            .Take(RecentEventCount)
            .Select(stored => new UserReport.Event(
                stored.Id, stored.EventType, stored.OccurredAt, stored.RecordedAt, stored.IdempotencyKey, stored.Metadata))
            .ToListAsync(cancellationToken);

        var snapshot = stats is null
            ? UserStatsSnapshot.Empty(userId)
            : new UserStatsSnapshot(userId, stats.LoginCount, stats.TotalWins, stats.TotalHabitsCompleted, stats.LastLoginAt, stats.LastActivityAt);
        return new UserReport(userId, account?.Email, snapshot, awards, events);
    }
}
