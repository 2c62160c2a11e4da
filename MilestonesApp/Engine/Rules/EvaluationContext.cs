namespace MilestonesApp.Engine.Rules;

/// <summary>
/// What a rule may look at: the event being recorded, the stats after it, and the user's history. When known,
/// <paramref name="CaughtUpThrough"/> is a moment up to which the milestone being evaluated held at no moment (the
/// user's catch-up mark, if it covers that milestone), so that a rule looking for its first moment reads from there on.
/// </summary>
public sealed record EvaluationContext(RecordedEvent Event, UserStatsSnapshot Stats, IUserHistory History, DateTimeOffset? CaughtUpThrough = null);
