namespace MilestonesApp.Engine.Rules;

/// <summary>
/// A parsed rule. Each rule type is one implementation in this folder plus one line in <see cref="RuleTypes"/>.
/// </summary>
public interface IMilestoneRule
{
    /// <summary>A cheap necessary condition read off the stats alone, so catch-up can skip reading history.</summary>
    bool MayHold(UserStatsSnapshot stats);

    /// <summary>
    /// Real time: whether the condition holds at the event being recorded, the user's latest, and if so the event that
    /// completed it. A late event goes to <see cref="EvaluateLateAsync"/> instead.
    /// </summary>
    ValueTask<RecordedEvent?> EvaluateAtEventAsync(EvaluationContext context, CancellationToken cancellationToken);

    /// <summary>Catch-up: the earliest event, up to the one being recorded, at which the condition held.</summary>
    ValueTask<RecordedEvent?> FindFirstAsync(EvaluationContext context, CancellationToken cancellationToken);

    /// <summary>
    /// Incremental catch-up: the answer of <see cref="FindFirstAsync"/> for a user whose catch-up at a login at
    /// <paramref name="evaluatedThrough"/> found that the condition held at no moment up to that login. Every late event
    /// since was judged by <see cref="EvaluateLateAsync"/>, which counts that login as a witness, so if the user still
    /// lacks the milestone the first moment it holds lies at or after <paramref name="evaluatedThrough"/> (the same
    /// millisecond included). Reads only what could have changed since, never the whole history.
    /// </summary>
    ValueTask<RecordedEvent?> FindFirstSinceAsync(EvaluationContext context, DateTimeOffset evaluatedThrough, CancellationToken cancellationToken);

    /// <summary>
    /// Whether every moment at which the condition can first hold is an event of <paramref name="triggerEvent"/>, each
    /// judged when it was recorded (in real time, or in time order if late). Then catch-up from a mark that covers the
    /// milestone can find nothing those judgements did not, and reads nothing.
    /// </summary>
    bool IsJudgedAtEveryCompletingEvent(string triggerEvent);

    /// <summary>
    /// A late event (one that occurred before the user's latest), for a milestone the user does not hold: whether the
    /// events so far, judged in time order, now award it, and if so the event that completed it. Any event type may
    /// ask; a rule answers null for one that cannot change its answer.
    /// </summary>
    ValueTask<RecordedEvent?> EvaluateLateAsync(EvaluationContext context, string triggerEvent, CancellationToken cancellationToken);

    /// <summary>
    /// A late event, for a milestone the user holds with <paramref name="receipt"/>: an event before the receipt at
    /// which the late event proves the condition held, or null. Receipts only ever move earlier.
    /// </summary>
    ValueTask<RecordedEvent?> EarlierReceiptAsync(EvaluationContext context, RecordedEvent receipt, CancellationToken cancellationToken);
}
