namespace MilestonesApp.Engine.Rules;

public static class MilestoneRuleExtensions
{
    /// <summary>
    /// Catch-up's answer, reading from <see cref="EvaluationContext.CaughtUpThrough"/> on when the context knows it,
    /// otherwise over the whole history.
    /// </summary>
    public static ValueTask<RecordedEvent?> FindFirstKnownAsync(this IMilestoneRule rule, EvaluationContext context, CancellationToken cancellationToken) =>
        context.CaughtUpThrough is { } through
            ? rule.FindFirstSinceAsync(context, through, cancellationToken)
            : rule.FindFirstAsync(context, cancellationToken);
}
