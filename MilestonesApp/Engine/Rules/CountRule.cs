namespace MilestonesApp.Engine.Rules;

/// <summary><c>count</c>: a lifetime counter of the stats row reaches a threshold. <c>{"field":"total_wins","threshold":100}</c></summary>
public sealed record CountRule(string Field, int Threshold) : IMilestoneRule, ISetBasedRule
{
    public const string TypeName = "count";

    public string CountedEvent => StatsCounters.EventCountedBy(Field);

    public static CountRule? Parse(RuleDataReader data, string triggerEvent)
    {
        data.AllowOnly("field", "threshold");
        var field = data.RequiredString("field");
        var threshold = data.RequiredPositiveInt("threshold", 1_000_000);
        if (field is not null && !StatsCounters.IsKnown(field))
        {
            data.AddError("field", MilestoneValidationCodes.CounterUnknown, $"Counter '{field}' is unknown; the counters are {string.Join(", ", StatsCounters.All)}.");
            return null;
        }

        return field is null || threshold is null ? null : new CountRule(field, threshold.Value);
    }

    public bool MayHold(UserStatsSnapshot stats) => stats.Counter(Field) >= Threshold;

    public async ValueTask<RecordedEvent?> EvaluateAtEventAsync(EvaluationContext context, CancellationToken cancellationToken)
    {
        if (!MayHold(context.Stats))
        {
            return null;
        }

        // The usual case, an in-order event bringing the counter to the threshold, needs no history read. An event
        // older than the latest stored one may not be the threshold-th in time order: the history decides then.
        var inOrder = context.Stats.LastActivityAt == context.Event.OccurredAt;
        if (inOrder && context.Event.EventType == CountedEvent && context.Stats.Counter(Field) == Threshold)
        {
            return context.Event;
        }

        // Otherwise (a milestone added after the threshold was passed, or a late event) the receipt names the
        // threshold-th counted event in time order among all recorded ones, which the counter says exist.
        var counted = await context.History.UpToAsync(CountedEvent, DateTimeOffset.MaxValue, cancellationToken);
        return counted[Threshold - 1];
    }

    public async ValueTask<RecordedEvent?> FindFirstAsync(EvaluationContext context, CancellationToken cancellationToken)
    {
        var counted = await context.History.UpToAsync(CountedEvent, context.Event.OccurredAt, cancellationToken);
        return counted.Count >= Threshold ? counted[Threshold - 1] : null;
    }

    public SetBasedQuery FirstAchievements() => new("""
        SELECT user_id, id AS event_id, occurred_at FROM (
            SELECT user_id, id, occurred_at,
                   ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY occurred_at, id) AS position
            FROM events
            WHERE event_type = @event_type AND user_id BETWEEN @first_user AND @last_user
        ) counted
        WHERE position = @threshold
        """,
        [("event_type", CountedEvent), ("threshold", Threshold)]);
}
