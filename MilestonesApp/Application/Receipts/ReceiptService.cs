using MilestonesApp.Engine;
using MilestonesApp.Engine.Rules;

namespace MilestonesApp.Application.Receipts;

/// <summary>The receipts page: every active milestone, earned or with its progress, plus earned ones since retired.</summary>
public sealed class ReceiptService(
    IEngineReads engine,
    MilestoneDefinitionCache definitions,
    IMilestoneTexts texts,
    MilestoneProgressReader progress,
    UserClock clock)
{
    public async Task<IReadOnlyList<Receipt>> ListAsync(string userId, CancellationToken cancellationToken = default)
    {
        var active = await definitions.GetActiveAsync(cancellationToken);
        var zone = await clock.ZoneOfAsync(userId, cancellationToken);
        var now = clock.UtcNow;

        var earned = await engine.AwardsAsync(userId, cancellationToken);

        var receipts = earned
            .OrderByDescending(a => a.AchievedAt)
            .Select(a => Describe(a.Milestone, TimeZoneInfo.ConvertTime(a.AchievedAt, zone), progress: null) with
            {
                AwardedAt = TimeZoneInfo.ConvertTime(a.AwardedAt, zone),
            })
            .ToList();
        var earnedCodes = earned.Select(a => a.Milestone.Code).ToHashSet(StringComparer.Ordinal);
        var lacking = active.Where(m => !earnedCodes.Contains(m.Definition.Code)).ToList();
        var progressOf = await progress.ReadAsync(userId, lacking, earnedCodes, now, cancellationToken);
        receipts.AddRange(lacking.Select(milestone => Describe(milestone.Definition, achievedAt: null, progressOf[milestone.Definition.Code])));

        return receipts;
    }

    private Receipt Describe(MilestoneDefinition definition, DateTimeOffset? achievedAt, RuleProgress? progress) =>
        new(definition.Code, texts.Title(definition), texts.Description(definition), definition.Icon, achievedAt, progress) { RuleType = definition.RuleType };
}
