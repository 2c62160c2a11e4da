namespace MilestonesApp.Engine.Rules;

/// <summary>
/// <c>return_after_gap</c>: a login at least <see cref="GapDays"/> days after the previous login. <c>{"gap_days":14}</c>
/// It holds at a login whose predecessor in time order, among the user's logins, came GapDays or more before it
/// (exactly GapDays is enough).
/// <para>
/// Its award depends on arrival order, unlike the other rules: a login that arrives late is compared with its
/// neighbours in time, and an award it leads to stays even if a later-arriving login between the two closes the gap
/// (never revoked). Over the log in time order the specification says when a return first happened; the engine's
/// receipt is the first return the logins had shown when they arrived.
/// </para>
/// </summary>
public sealed record ReturnAfterGapRule(int GapDays) : IMilestoneRule, ISetBasedRule
{
    public const string TypeName = "return_after_gap";

    public static readonly IReadOnlyList<RuleParameter> Parameters = [new("gap_days", RuleParameterKind.Days)];

    public TimeSpan Gap => TimeSpan.FromDays(GapDays);

    string IMilestoneRule.TypeName => TypeName;

    public IReadOnlyCollection<string> EventsRead => [EventTypes.UserLoggedIn];

    public bool DependsOnArrivalOrder => true;

    public static ReturnAfterGapRule? Parse(RuleDataReader data, string triggerEvent)
    {
        data.AllowOnly("gap_days");
        var gapDays = data.RequiredPositiveInt("gap_days", 3_650);
        if (triggerEvent != EventTypes.UserLoggedIn)
        {
            data.AddTriggerError(MilestoneValidationCodes.TriggerMustBeLogin, $"Rule '{TypeName}' is only evaluated on logins, so its trigger must be {EventTypes.UserLoggedIn}, not '{triggerEvent}'.");
            return null;
        }

        return gapDays is null ? null : new ReturnAfterGapRule(gapDays.Value);
    }

    public bool HoldsAt(UserLog log, int at) =>
        log.Events[at].EventType == EventTypes.UserLoggedIn
        && log.Events.Take(at).LastOrDefault(e => e.EventType == EventTypes.UserLoggedIn) is { } previous
        && log.Events[at].OccurredAt - previous.OccurredAt >= Gap;

    // A return is never behind: it can happen at any login, so there is nothing to count down.
    public ValueTask<RuleProgress> ProgressAsync(ProgressContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new RuleProgress(null, null, new RuleText("Progress.return_after_gap", new NumberArgument(GapDays)),
            new Dictionary<string, object> { ["gapDays"] = GapDays }));

    public RuleText Describe() => new(TypeName, new DaysArgument(GapDays));

    // The accelerators. A first-ever login has nothing to return from.
    public bool MayHold(UserStatsSnapshot stats) => stats.LoginCount >= 2;

    // No accelerator at an in-order event: only logins trigger this rule, and an in-order login is judged by its
    // catch-up (FindFirstAsync), so the engine never asks; the specification answers if anyone does.

    // It holds first at a login, and an in-order login is judged by its own catch-up, this one.
    public bool IsJudgedAtEveryCompletingEvent(string triggerEvent) => false;

    public async ValueTask<RecordedEvent?> FindFirstAsync(EvaluationContext context, CancellationToken cancellationToken) =>
        FirstReturn(await context.History.UpToAsync(EventTypes.UserLoggedIn, context.Event.OccurredAt, cancellationToken));

    // Every pair of consecutive logins up to the login at evaluatedThrough was judged there: only pairs from it on remain.
    public async ValueTask<RecordedEvent?> FindFirstSinceAsync(EvaluationContext context, DateTimeOffset evaluatedThrough, CancellationToken cancellationToken)
    {
        var now = context.Event.OccurredAt;
        return MayHold(context.Stats) && now >= evaluatedThrough
            ? FirstReturn(await context.History.BetweenAsync(EventTypes.UserLoggedIn, evaluatedThrough, now, cancellationToken))
            : null;
    }

    // A late login is compared with the login before it in time (catch-up up to it), and becomes the login that the
    // next one returns from.
    public async ValueTask<RecordedEvent?> EvaluateLateAsync(EvaluationContext context, string triggerEvent, CancellationToken cancellationToken) =>
        context.Event.EventType == EventTypes.UserLoggedIn && MayHold(context.Stats)
            ? await this.FindFirstKnownAsync(context, cancellationToken) ?? await ReturnAfterAsync(context.History, context.Event, cancellationToken)
            : null;

    public async ValueTask<RecordedEvent?> EarlierReceiptAsync(EvaluationContext context, RecordedEvent receipt, CancellationToken cancellationToken)
    {
        var login = context.Event;
        if (login.EventType != EventTypes.UserLoggedIn || !login.IsBefore(receipt))
        {
            return null;
        }

        return await context.History.PreviousAsync(EventTypes.UserLoggedIn, login, cancellationToken) is { } previous && login.OccurredAt - previous.OccurredAt >= Gap
            ? login
            : await ReturnAfterAsync(context.History, login, cancellationToken);
    }

    // Accelerator for the backfill: each user's first login the gap after the one before it, in one statement.
    public SetBasedQuery FirstAchievements() => SetBasedQuery.FirstComparedWithEarlier(
        EventTypes.UserLoggedIn, 1, "occurred_at - earlier >= @gap_ms", ("gap_ms", (long)Gap.TotalMilliseconds));

    /// <summary>The first of <paramref name="logins"/> (consecutive, oldest first) that comes at least the gap after the one before it.</summary>
    private RecordedEvent? FirstReturn(IReadOnlyList<RecordedEvent> logins)
    {
        for (var i = 1; i < logins.Count; i++)
        {
            if (logins[i].OccurredAt - logins[i - 1].OccurredAt >= Gap)
            {
                return logins[i];
            }
        }

        return null;
    }

    private async Task<RecordedEvent?> ReturnAfterAsync(IUserHistory history, RecordedEvent login, CancellationToken cancellationToken) =>
        await history.NextAsync(EventTypes.UserLoggedIn, login, cancellationToken) is { } next && next.OccurredAt - login.OccurredAt >= Gap
            ? next
            : null;
}
