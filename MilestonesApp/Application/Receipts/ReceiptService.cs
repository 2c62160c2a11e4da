using Microsoft.EntityFrameworkCore;
using MilestonesApp.Celebrations;
using MilestonesApp.Data;
using MilestonesApp.Engine;
using MilestonesApp.Engine.Rules;

namespace MilestonesApp.Application.Receipts;

/// <summary>The receipts page: every active milestone, earned or with its progress, plus earned ones since retired.</summary>
public sealed class ReceiptService(
    IDbContextFactory<AppDbContext> dbFactory,
    MilestoneDefinitionCache definitions,
    MilestoneTextLocalizer texts,
    MilestoneProgressReader progress,
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

        var receipts = earned
            .OrderByDescending(a => a.AchievedAt)
            .Select(a => Describe(a.Milestone!.ToDefinition(), TimeZoneInfo.ConvertTime(a.AchievedAt, zone), progress: null) with
            {
                AwardedAt = TimeZoneInfo.ConvertTime(a.AwardedAt, zone),
            })
            .ToList();
        var earnedCodes = earned.Select(a => a.Milestone!.Code).ToHashSet(StringComparer.Ordinal);
        var lacking = active.Where(m => !earnedCodes.Contains(m.Definition.Code)).ToList();
        var progressOf = await progress.ReadAsync(userId, lacking, earnedCodes, now, cancellationToken);
        receipts.AddRange(lacking.Select(milestone => Describe(milestone.Definition, achievedAt: null, progressOf[milestone.Definition.Code])));

        return receipts;
    }

    private Receipt Describe(MilestoneDefinition definition, DateTimeOffset? achievedAt, RuleProgress? progress) =>
        new(definition.Code, texts.Title(definition), texts.Description(definition), definition.Icon, achievedAt, progress) { RuleType = definition.RuleType };
}
