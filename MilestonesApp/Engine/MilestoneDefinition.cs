namespace MilestonesApp.Engine;

/// <summary>A milestone as data. <see cref="RuleData"/> is the JSON the rule type named by <see cref="RuleType"/> reads.</summary>
public sealed record MilestoneDefinition(
    string Code,
    string Title,
    string Description,
    string Icon,
    string TriggerEvent,
    string RuleType,
    string RuleData,
    bool IsActive = true,
    AnimationKind Animation = AnimationKind.Confetti,
    string? AnimationData = null);
