using Microsoft.EntityFrameworkCore;
using MilestonesApp.Data;
using MilestonesApp.Engine;
using MilestonesApp.Engine.Rules;

namespace MilestonesApp.Application.Receipts;

/// <summary>The receipts page: every active milestone, earned or with its progress, plus earned ones since retired.</summary>
public sealed class ReceiptService(
    IDbContextFactory<AppDbContext> dbFactory,
    MilestoneDefinitionCache definitions,
    IMilestoneTexts texts,
    UserClock clock)
{
    public async Task<IReadOnlyList<Receipt>> ListAsync(string userId, CancellationToken cancellationToken = default)
    {
        var active = await definitions.GetActiveAsync(cancellationToken);
        var zone = await clock.ZoneOfAsync(userId, cancellationToken);
        var now = clock.UtcNow;

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var earned = await db.UserMilestones.AsNoTracking()
            .Where(a => a.UserId == userId)
            .Select(a => new { a.AchievedAt, a.AwardedAt, a.Milestone })
            .ToListAsync(cancellationToken);
        var stats = await db.UserStats.AsNoTracking().SingleOrDefaultAsync(s => s.UserId == userId, cancellationToken);
        var snapshot = stats is null
            ? UserStatsSnapshot.Empty(userId)
            : new UserStatsSnapshot(userId, stats.LoginCount, stats.TotalWins, stats.TotalHabitsCompleted, stats.LastLoginAt, stats.LastActivityAt);

        var receipts = earned
            .OrderByDescending(a => a.AchievedAt)
            .Select(a => Describe(a.Milestone!.ToDefinition(), TimeZoneInfo.ConvertTime(a.AchievedAt, zone), progress: null) with
            {
                AwardedAt = TimeZoneInfo.ConvertTime(a.AwardedAt, zone),
            })
            .ToList();
        var earnedCodes = earned.Select(a => a.Milestone!.Code).ToHashSet(StringComparer.Ordinal);
        foreach (var milestone in active.Where(m => !earnedCodes.Contains(m.Definition.Code)))
        {
            var progress = await ProgressAsync(db, userId, milestone.Rule, snapshot, now, cancellationToken);
            receipts.Add(Describe(milestone.Definition, achievedAt: null, progress));
        }

        return receipts;
    }

    private Receipt Describe(MilestoneDefinition definition, DateTimeOffset? achievedAt, ReceiptProgress? progress) =>
        new(definition.Code, texts.Title(definition), texts.Description(definition), definition.Icon, achievedAt, progress);

    private static async Task<ReceiptProgress?> ProgressAsync(
        AppDbContext db, string userId, IMilestoneRule rule, UserStatsSnapshot stats, DateTimeOffset now, CancellationToken cancellationToken)
    {
        switch (rule)
        {
            case CountRule count:
                return new CountProgress(stats.Counter(count.Field), count.Threshold);
            case WindowCountRule window:
                var from = now - window.Window;
                var inWindow = await db.Events.CountAsync(
                    e => e.UserId == userId && e.EventType == window.Event && e.OccurredAt >= from && e.OccurredAt <= now, cancellationToken);
                return new WindowProgress(inWindow, window.Count, window.WindowDays);
            case ReturnAfterGapRule gap:
                return new ReturnProgress(gap.GapDays);
            default:
                return null;
        }
    }
}
