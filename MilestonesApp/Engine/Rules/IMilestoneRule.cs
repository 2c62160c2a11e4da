namespace MilestonesApp.Engine.Rules;

/// <summary>
/// A parsed rule. Each rule type is one implementation in this folder plus one line in <see cref="RuleTypes"/>.
/// </summary>
public interface IMilestoneRule
{
    /// <summary>A cheap necessary condition read off the stats alone, so catch-up can skip reading history.</summary>
    bool MayHold(UserStatsSnapshot stats);

    /// <summary>Real time: whether the condition holds at the event being recorded, and if so the event that completed it.</summary>
    ValueTask<RecordedEvent?> EvaluateAtEventAsync(EvaluationContext context, CancellationToken cancellationToken);

    /// <summary>Catch-up: the earliest event, up to the one being recorded, at which the condition held.</summary>
    ValueTask<RecordedEvent?> FindFirstAsync(EvaluationContext context, CancellationToken cancellationToken);
}
