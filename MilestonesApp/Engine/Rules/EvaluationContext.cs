namespace MilestonesApp.Engine.Rules;

/// <summary>What a rule may look at: the event being recorded, the stats after it, and the user's history.</summary>
public sealed record EvaluationContext(RecordedEvent Event, UserStatsSnapshot Stats, IUserHistory History);
