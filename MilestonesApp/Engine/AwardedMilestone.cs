namespace MilestonesApp.Engine;

/// <summary>A milestone granted to a user, with texts already translated for the current UI culture.</summary>
public sealed record AwardedMilestone(
    string Code,
    string Title,
    string Description,
    string Icon,
    AnimationKind Animation,
    string? AnimationData,
    DateTimeOffset AwardedAt);
