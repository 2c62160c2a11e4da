namespace MilestonesApp.Engine;

/// <summary>
/// A milestone's title and description as the person reading them should see them. Translating is presentation, so
/// the app implements it outside the engine; without one the engine reports the definition's own texts.
/// </summary>
public interface IMilestoneTexts
{
    string Title(MilestoneDefinition definition);

    string Description(MilestoneDefinition definition);
}

/// <summary>The definition's own texts, untranslated.</summary>
internal sealed class DefinitionTexts : IMilestoneTexts
{
    public string Title(MilestoneDefinition definition) => definition.Title;

    public string Description(MilestoneDefinition definition) => definition.Description;
}

public static class MilestoneTextsExtensions
{
    public static AwardedMilestone Award(
        this IMilestoneTexts texts, MilestoneDefinition definition, DateTimeOffset awardedAt, DateTimeOffset? achievedAt = null) => new(
        definition.Code,
        texts.Title(definition),
        texts.Description(definition),
        definition.Icon,
        definition.Animation,
        definition.AnimationData,
        awardedAt,
        achievedAt);

    internal static IReadOnlyList<AwardedMilestone> Describe(this IMilestoneTexts texts, IReadOnlyList<GrantedAward> granted) =>
        granted.Count == 0 ? [] : [.. granted.Select(award => texts.Award(award.Definition, award.AwardedAt, award.AchievedAt))];
}
