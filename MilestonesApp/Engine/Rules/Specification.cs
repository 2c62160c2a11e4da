namespace MilestonesApp.Engine.Rules;

/// <summary>
/// The accelerators a rule does not provide, answered by its specification over the rows they need: the user's events
/// of the types it reads (with the event asked about, and the events that witness an award) and, for a rule about
/// other milestones, the receipts the user holds. Slow, and obviously what the rule means.
/// </summary>
public static class Specification
{
    private static readonly RecordedEvent EndOfHistory = new(long.MaxValue, "", DateTimeOffset.MaxValue);

    /// <summary>At the user's latest event: the first moment, if the condition holds at that event.</summary>
    public static async ValueTask<RecordedEvent?> AtEventAsync(IMilestoneRule rule, EvaluationContext context, CancellationToken cancellationToken)
    {
        var log = await LogAsync(rule, context.History, context.Event, [context.Event.EventType], cancellationToken);
        var at = IndexOf(log, context.Event);
        return at >= 0 && rule.HoldsAt(log, at) ? rule.FirstHeld(log) : null;
    }

    /// <summary>Catch-up: the first moment up to the event asked about.</summary>
    public static async ValueTask<RecordedEvent?> FirstUpToAsync(IMilestoneRule rule, EvaluationContext context, CancellationToken cancellationToken) =>
        rule.FirstHeld(await LogAsync(rule, context.History, context.Event, [], cancellationToken));

    /// <summary>
    /// The whole log judged afresh in time order: awarded when, at or after the first moment, a trigger event finds the
    /// condition holding or a login (catch-up) comes; then the receipt is that first moment.
    /// </summary>
    public static async ValueTask<RecordedEvent?> JudgedAfreshAsync(
        IMilestoneRule rule, EvaluationContext context, string triggerEvent, CancellationToken cancellationToken)
    {
        var log = await LogAsync(rule, context.History, EndOfHistory, [triggerEvent, EventTypes.UserLoggedIn], cancellationToken);
        if (rule.FirstHeld(log) is not { } first)
        {
            return null;
        }

        for (var at = IndexOf(log, first); at < log.Events.Count; at++)
        {
            var type = log.Events[at].EventType;
            if (type == EventTypes.UserLoggedIn || (type == triggerEvent && rule.HoldsAt(log, at)))
            {
                return first;
            }
        }

        return null;
    }

    /// <summary>A held milestone's first moment, when the whole log now puts it before the receipt.</summary>
    public static async ValueTask<RecordedEvent?> EarlierReceiptAsync(
        IMilestoneRule rule, EvaluationContext context, RecordedEvent receipt, CancellationToken cancellationToken) =>
        rule.FirstHeld(await LogAsync(rule, context.History, EndOfHistory, [], cancellationToken)) is { } first && first.IsBefore(receipt)
            ? first
            : null;

    /// <summary>
    /// The user's events of the types the rule reads and of <paramref name="alsoOfTypes"/>, at or before
    /// <paramref name="upTo"/>'s instant, in time order, with <paramref name="upTo"/> itself when it is a stored event.
    /// </summary>
    public static async Task<UserLog> LogAsync(
        IMilestoneRule rule, IUserHistory history, RecordedEvent upTo, IEnumerable<string> alsoOfTypes, CancellationToken cancellationToken)
    {
        var events = new List<RecordedEvent>();
        foreach (var type in rule.EventsRead.Concat(alsoOfTypes).Distinct(StringComparer.Ordinal))
        {
            events.AddRange(await history.UpToAsync(type, upTo.OccurredAt, cancellationToken));
        }

        events.Sort((a, b) => a.IsBefore(b) ? -1 : b.IsBefore(a) ? 1 : 0);
        IReadOnlyDictionary<string, RecordedEvent> held = rule.MilestonesRead.Count == 0 ? new Dictionary<string, RecordedEvent>() : await history.HeldReceiptsAsync(cancellationToken);
        return new UserLog(events, held);
    }

    private static int IndexOf(UserLog log, RecordedEvent recorded)
    {
        for (var at = 0; at < log.Events.Count; at++)
        {
            if (log.Events[at].Id == recorded.Id)
            {
                return at;
            }
        }

        return -1;
    }
}
