namespace MilestonesApp.Engine;

/// <summary>
/// A milestone granted to a user, with texts already translated for the current UI culture. <see cref="AchievedAt"/>
/// is when its condition first held (the receipt's time), known to the engine that granted it; an award made up outside
/// the engine (an admin's preview) has none.
/// </summary>
public sealed record AwardedMilestone(
    string Code,
    string Title,
    string Description,
    string Icon,
    AnimationKind Animation,
    string? AnimationData,
    DateTimeOffset AwardedAt,
    DateTimeOffset? AchievedAt = null);
