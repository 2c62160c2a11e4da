namespace MilestonesApp.Engine;

/// <summary>
/// A milestone granted to a user, with texts already translated for the current UI culture. <see cref="AchievedAt"/>
/// is when its condition first held (the receipt's time), known to the engine that granted it; an award made up outside
/// the engine (an admin's preview) has none. <see cref="WhileAway"/> marks an award no action of the person made (a go
/// live's backfill): it is shown quietly, with the others made so, not celebrated as news.
/// </summary>
public sealed record AwardedMilestone(
    string Code,
    string Title,
    string Description,
    string Icon,
    AnimationKind Animation,
    string? AnimationData,
    DateTimeOffset AwardedAt,
    DateTimeOffset? AchievedAt = null,
    bool WhileAway = false);
