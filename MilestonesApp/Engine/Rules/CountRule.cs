namespace MilestonesApp.Engine.Rules;

/// <summary>
/// <c>count</c>: a lifetime counter of the stats row reaches a threshold. <c>{"field":"total_wins","threshold":100}</c>
/// It holds at an event when at least <see cref="Threshold"/> events of the counted type occurred up to it; it first
/// holds at the threshold-th of them, in time order, and holds from then on.
/// </summary>
public sealed record CountRule(string Field, int Threshold) : IMilestoneRule, ISetBasedRule
{
    public const string TypeName = "count";

    public static readonly IReadOnlyList<RuleParameter> Parameters =
        [new("field", RuleParameterKind.Counter), new("threshold", RuleParameterKind.Number)];

    public string CountedEvent => StatsCounters.EventCountedBy(Field);

    string IMilestoneRule.TypeName => TypeName;

    public IReadOnlyCollection<string> EventsRead => [CountedEvent];

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

    public bool HoldsAt(UserLog log, int at) => log.Events.Take(at + 1).Count(e => e.EventType == CountedEvent) >= Threshold;

    public ValueTask<RuleProgress> ProgressAsync(ProgressContext context, CancellationToken cancellationToken)
    {
        var value = context.Stats.Counter(Field);
        return ValueTask.FromResult(new RuleProgress(value, Threshold, new RuleText("Progress.count", new NumberArgument(value), new NumberArgument(Threshold))));
    }

    public RuleText Describe() => new(TypeName, new EventsArgument(CountedEvent, Threshold));

    // The accelerators. The counter is exact: below the threshold no moment held.
    public bool MayHold(UserStatsSnapshot stats) => stats.Counter(Field) >= Threshold;

    public async ValueTask<RecordedEvent?> EvaluateAtEventAsync(EvaluationContext context, CancellationToken cancellationToken)
    {
        if (!MayHold(context.Stats))
        {
            return null;
        }

        // The usual case, the event bringing the counter to the threshold, needs no history read.
        if (context.Event.EventType == CountedEvent && context.Stats.Counter(Field) == Threshold)
        {
            return context.Event;
        }

        // Otherwise (a milestone added after the threshold was passed, or a trigger that is not the counted event)
        // the receipt names the threshold-th counted event in time order, which the counter says exists.
        return await context.History.NthAsync(CountedEvent, Threshold, cancellationToken);
    }

    // The counter reaches its threshold at a counted event.
    public bool IsJudgedAtEveryCompletingEvent(string triggerEvent) => triggerEvent == CountedEvent;

    // The threshold-th counted event, if it occurred by the event evaluated: a threshold's worth of index entries.
    public async ValueTask<RecordedEvent?> FindFirstAsync(EvaluationContext context, CancellationToken cancellationToken) =>
        MayHold(context.Stats) && await context.History.NthAsync(CountedEvent, Threshold, cancellationToken) is { } reached
            && reached.OccurredAt <= context.Event.OccurredAt
            ? reached
            : null;

    // The counter is exact, so the full answer already reads only what the award needs.
    public ValueTask<RecordedEvent?> FindFirstSinceAsync(EvaluationContext context, DateTimeOffset evaluatedThrough, CancellationToken cancellationToken) =>
        FindFirstAsync(context, cancellationToken);

    // Judged afresh in time order, the award exists once the threshold-th counted event exists and some trigger event
    // (real time) or login (catch-up) comes at or after it; the receipt is that threshold-th event.
    public async ValueTask<RecordedEvent?> EvaluateLateAsync(EvaluationContext context, string triggerEvent, CancellationToken cancellationToken)
    {
        var eventType = context.Event.EventType;
        if (!MayHold(context.Stats) || (eventType != CountedEvent && eventType != triggerEvent && eventType != EventTypes.UserLoggedIn))
        {
            return null;
        }

        var receipt = await context.History.NthAsync(CountedEvent, Threshold, cancellationToken);
        if (receipt is null || CountedEvent == triggerEvent || CountedEvent == EventTypes.UserLoggedIn)
        {
            return receipt;
        }

        foreach (var witness in new[] { triggerEvent, EventTypes.UserLoggedIn }.Distinct())
        {
            if (await context.History.NextAsync(witness, receipt, cancellationToken) is not null)
            {
                return receipt;
            }
        }

        return null;
    }

    // A counted event before the receipt makes the event just before it the threshold-th.
    public async ValueTask<RecordedEvent?> EarlierReceiptAsync(EvaluationContext context, RecordedEvent receipt, CancellationToken cancellationToken) =>
        context.Event.EventType == CountedEvent && context.Event.IsBefore(receipt)
            ? await context.History.NthAsync(CountedEvent, Threshold, cancellationToken)
            : null;

    // Accelerator for the backfill: the threshold-th counted event of every user, in one statement.
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
