namespace MilestonesApp.Engine.Rules;

/// <summary>
/// <c>window_count</c>: at least <see cref="Count"/> events of a type within <see cref="WindowDays"/> days ending at the moment evaluated,
/// both ends included. <c>{"event":"HabitCompleted","count":5,"window_days":14}</c>
/// </summary>
public sealed record WindowCountRule(string Event, int Count, int WindowDays) : IMilestoneRule, ISetBasedRule
{
    public const string TypeName = "window_count";

    public TimeSpan Window => TimeSpan.FromDays(WindowDays);

    public static WindowCountRule? Parse(RuleDataReader data, string triggerEvent)
    {
        data.AllowOnly("event", "count", "window_days");
        var eventType = data.RequiredString("event");
        var count = data.RequiredPositiveInt("count", 100_000);
        var windowDays = data.RequiredPositiveInt("window_days", 3_650);
        if (eventType is not null && !EventTypes.IsKnown(eventType))
        {
            data.AddError("event", MilestoneValidationCodes.EventUnknown, $"Event '{eventType}' is unknown; the events are {string.Join(", ", EventTypes.All)}.");
            return null;
        }

        return eventType is null || count is null || windowDays is null
            ? null
            : new WindowCountRule(eventType, count.Value, windowDays.Value);
    }

    public bool MayHold(UserStatsSnapshot stats) => stats.CountOf(Event) >= Count;

    public async ValueTask<RecordedEvent?> EvaluateAtEventAsync(EvaluationContext context, CancellationToken cancellationToken)
    {
        if (!MayHold(context.Stats))
        {
            return null;
        }

        var now = context.Event.OccurredAt;
        var inWindow = await context.History.CountAsync(Event, now - Window, now, cancellationToken);
        if (inWindow < Count)
        {
            return null;
        }

        // The condition may have held before (a milestone added later); the receipt names the first time. The full
        // window ending here guarantees one: the window ending at its latest event holds all of its events.
        return await FindFirstAsync(context, cancellationToken);
    }

    public async ValueTask<RecordedEvent?> FindFirstAsync(EvaluationContext context, CancellationToken cancellationToken)
    {
        var events = await context.History.UpToAsync(Event, context.Event.OccurredAt, cancellationToken);
        for (var last = Count - 1; last < events.Count; last++)
        {
            if (events[last].OccurredAt - events[last - Count + 1].OccurredAt <= Window)
            {
                return events[last];
            }
        }

        return null;
    }

    // Reaching back Count - 1 events finds when the window of Count events ending at each event began.
    public SetBasedQuery FirstAchievements() => SetBasedQuery.FirstComparedWithEarlier(
        Event, Count - 1, "occurred_at - earlier <= @window_ms", ("window_ms", (long)Window.TotalMilliseconds));
}
