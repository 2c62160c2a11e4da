namespace MilestonesApp.Engine.Rules;

/// <summary>
/// <c>window_count</c>: at least <see cref="Count"/> events of a type within <see cref="WindowDays"/> days ending at the moment evaluated,
/// both ends included. <c>{"event":"HabitCompleted","count":5,"window_days":14}</c>
/// It holds at an event when at least Count events of the type occurred up to it and no more than WindowDays before it
/// (an event exactly WindowDays earlier counts). It can hold at one event and not at a later one: a window passes.
/// </summary>
public sealed record WindowCountRule(string Event, int Count, int WindowDays) : IMilestoneRule, ISetBasedRule
{
    public const string TypeName = "window_count";

    public static readonly IReadOnlyList<RuleParameter> Parameters =
        [new("event", RuleParameterKind.Event), new("count", RuleParameterKind.Number), new("window_days", RuleParameterKind.Days)];

    public TimeSpan Window => TimeSpan.FromDays(WindowDays);

    string IMilestoneRule.TypeName => TypeName;

    public IReadOnlyCollection<string> EventsRead => [Event];

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

    public bool HoldsAt(UserLog log, int at) =>
        log.Events.Take(at + 1).Count(e => e.EventType == Event && e.OccurredAt >= log.Events[at].OccurredAt - Window) >= Count;

    // The window ending now: it may have held before and passed, so this is where the user stands today.
    public async ValueTask<RuleProgress> ProgressAsync(ProgressContext context, CancellationToken cancellationToken)
    {
        var inWindow = await context.History.CountAsync(Event, context.Now - Window, context.Now, cancellationToken);
        return new RuleProgress(inWindow, Count,
            new RuleText("Progress.window_count", new NumberArgument(inWindow), new NumberArgument(Count), new NumberArgument(WindowDays)),
            new Dictionary<string, object> { ["windowDays"] = WindowDays });
    }

    public RuleText Describe() => new(TypeName, new EventsArgument(Event, Count), new DaysArgument(WindowDays));

    // The accelerators. Fewer events of the type than Count in all: no window ever held Count.
    public bool MayHold(UserStatsSnapshot stats) => stats.CountOf(Event) >= Count;

    public async ValueTask<RecordedEvent?> EvaluateAtEventAsync(EvaluationContext context, CancellationToken cancellationToken)
    {
        if (!MayHold(context.Stats))
        {
            return null;
        }

        var now = context.Event.OccurredAt;
        if (!await context.History.CountReachesAsync(Event, now - Window, now, Count, cancellationToken))
        {
            return null;
        }

        // The condition may have held before (a milestone added later); the receipt names the first time. The full
        // window ending here guarantees one: the window ending at its latest event holds all of its events. From the
        // user's catch-up mark on when it covers this milestone: no window before it was full.
        return await this.FindFirstKnownAsync(context, cancellationToken);
    }

    // A window fills at its latest event, one of the counted type.
    public bool IsJudgedAtEveryCompletingEvent(string triggerEvent) => triggerEvent == Event;

    public async ValueTask<RecordedEvent?> FindFirstAsync(EvaluationContext context, CancellationToken cancellationToken) =>
        FirstFullWindow(await context.History.UpToAsync(Event, context.Event.OccurredAt, cancellationToken), from: null);

    // A full window ending at or after evaluatedThrough holds only events from a window before it on.
    public async ValueTask<RecordedEvent?> FindFirstSinceAsync(EvaluationContext context, DateTimeOffset evaluatedThrough, CancellationToken cancellationToken)
    {
        var now = context.Event.OccurredAt;
        return MayHold(context.Stats) && now >= evaluatedThrough
            ? FirstFullWindow(await context.History.BetweenAsync(Event, evaluatedThrough - Window, now, cancellationToken), from: null)
            : null;
    }

    // Judged afresh in time order, the award exists once a trigger event (real time) has a full window ending at it, or
    // a login (catch-up) comes after the first full window. A late event of the counted type can complete only windows
    // ending within WindowDays after it, so only those, and the trigger events among them, are read.
    public async ValueTask<RecordedEvent?> EvaluateLateAsync(EvaluationContext context, string triggerEvent, CancellationToken cancellationToken)
    {
        var late = context.Event;
        if (!MayHold(context.Stats))
        {
            return null;
        }

        var holdsAtLate = late.EventType == EventTypes.UserLoggedIn
            ? await this.FindFirstKnownAsync(context, cancellationToken) is not null
            : late.EventType == triggerEvent && await context.History.CountAsync(Event, late.OccurredAt - Window, late.OccurredAt, cancellationToken) >= Count;
        if (holdsAtLate)
        {
            return await FirstEverAsync(context.History, cancellationToken);
        }

        if (late.EventType != Event)
        {
            return null;
        }

        var nearby = await context.History.BetweenAsync(Event, late.OccurredAt - Window, late.OccurredAt + Window, cancellationToken);
        var completed = FirstFullWindow(nearby, from: late);
        if (completed is null)
        {
            return null;
        }

        var witnessed = triggerEvent == Event
            || await context.History.NextAsync(EventTypes.UserLoggedIn, completed, cancellationToken) is not null
            || (await context.History.BetweenAsync(triggerEvent, late.OccurredAt, late.OccurredAt + Window, cancellationToken))
                .Any(trigger => late.IsBefore(trigger) && HoldsAt(nearby, trigger));
        return witnessed ? await FirstEverAsync(context.History, cancellationToken) : null;
    }

    public async ValueTask<RecordedEvent?> EarlierReceiptAsync(EvaluationContext context, RecordedEvent receipt, CancellationToken cancellationToken)
    {
        var late = context.Event;
        if (late.EventType != Event || !late.IsBefore(receipt))
        {
            return null;
        }

        var until = late.OccurredAt + Window < receipt.OccurredAt ? late.OccurredAt + Window : receipt.OccurredAt;
        return FirstFullWindow(await context.History.BetweenAsync(Event, late.OccurredAt - Window, until, cancellationToken), from: late);
    }

    // Accelerator for the backfill. Reaching back Count - 1 events finds when the window of Count events ending at each event began.
    public SetBasedQuery FirstAchievements() => SetBasedQuery.FirstComparedWithEarlier(
        Event, Count - 1, "occurred_at - earlier <= @window_ms", ("window_ms", (long)Window.TotalMilliseconds));

    private async Task<RecordedEvent?> FirstEverAsync(IUserHistory history, CancellationToken cancellationToken) =>
        FirstFullWindow(await history.UpToAsync(Event, DateTimeOffset.MaxValue, cancellationToken), from: null);

    /// <summary>The first of <paramref name="events"/> (sorted, and reaching back a window before any candidate) not before <paramref name="from"/> that ends a full window.</summary>
    private RecordedEvent? FirstFullWindow(IReadOnlyList<RecordedEvent> events, RecordedEvent? from)
    {
        for (var last = Count - 1; last < events.Count; last++)
        {
            if ((from is null || !events[last].IsBefore(from)) && events[last].OccurredAt - events[last - Count + 1].OccurredAt <= Window)
            {
                return events[last];
            }
        }

        return null;
    }

    /// <summary>Whether the window ending at <paramref name="moment"/> holds Count of <paramref name="events"/> that come before it.</summary>
    private bool HoldsAt(IReadOnlyList<RecordedEvent> events, RecordedEvent moment) =>
        events.Count(e => !moment.IsBefore(e) && e.OccurredAt >= moment.OccurredAt - Window) >= Count;
}
