namespace MilestonesApp.Engine.Rules;

/// <summary>
/// A parsed rule: what its milestone means, said once, and accelerators that find the same answers faster. Each rule
/// type is one implementation in this folder plus one line in <see cref="RuleTypes"/>.
/// <para>
/// The meaning is <see cref="HoldsAt"/>, a pure function of one user's log (the specification), with
/// <see cref="FirstHeld"/>, its first moment, which is what a receipt names. Every other member is an accelerator: it
/// answers a question of the engine (at an in-order event, at a late event, a login's catch-up from the mark) by reading
/// less than the whole log, and a property test holds it equal to the specification. A rule that does not provide one
/// gets <see cref="Specification"/>'s: the specification run over the rows it needs, slow but right.
/// </para>
/// </summary>
public interface IMilestoneRule
{
    /// <summary>The rule type's name in <c>rule_type</c>.</summary>
    string TypeName { get; }

    /// <summary>The event types the specification reads; the fallbacks load only these (and the event asked about).</summary>
    IReadOnlyCollection<string> EventsRead { get; }

    /// <summary>The milestones whose receipts the specification reads; the engine judges the rule again whenever one of them is awarded or its receipt moves.</summary>
    IReadOnlyCollection<string> MilestonesRead => [];

    /// <summary>
    /// Whether the award depends on the order events arrive in, not only on their time order: then the specification
    /// says when the condition first held in time, and the rule's documentation says how arrival order changes the award.
    /// Such a rule provides its own <see cref="EvaluateLateAsync"/> and <see cref="EarlierReceiptAsync"/>: their
    /// fallbacks judge the log afresh in time order.
    /// </summary>
    bool DependsOnArrivalOrder => false;

    /// <summary>
    /// The specification: whether the condition holds at <c>log.Events[at]</c>, looking at nothing after it.
    /// <paramref name="log"/> may hold events of any type, in time order, ties at one instant by id.
    /// </summary>
    bool HoldsAt(UserLog log, int at);

    /// <summary>The first event of <paramref name="log"/> at which the condition held: the receipt's proving event.</summary>
    RecordedEvent? FirstHeld(UserLog log)
    {
        for (var at = 0; at < log.Events.Count; at++)
        {
            if (HoldsAt(log, at))
            {
                return log.Events[at];
            }
        }

        return null;
    }

    /// <summary>How far the user has come toward it, for one who does not hold it.</summary>
    ValueTask<RuleProgress> ProgressAsync(ProgressContext context, CancellationToken cancellationToken);

    /// <summary>The rule in words: "5 habits within 14 days".</summary>
    RuleText Describe();

    /// <summary>Accelerator: false when the stats alone show the condition held at no moment (stats only grow), so nothing need be read.</summary>
    bool MayHold(UserStatsSnapshot stats) => true;

    /// <summary>
    /// Accelerator, real time: whether the condition holds at the event being recorded, the user's latest, and if so
    /// its first moment. A late event goes to <see cref="EvaluateLateAsync"/> instead.
    /// </summary>
    ValueTask<RecordedEvent?> EvaluateAtEventAsync(EvaluationContext context, CancellationToken cancellationToken) =>
        Specification.AtEventAsync(this, context, cancellationToken);

    /// <summary>Accelerator, catch-up: the first moment the condition held, up to the event being recorded.</summary>
    ValueTask<RecordedEvent?> FindFirstAsync(EvaluationContext context, CancellationToken cancellationToken) =>
        Specification.FirstUpToAsync(this, context, cancellationToken);

    /// <summary>
    /// Accelerator, incremental catch-up: the answer of <see cref="FindFirstAsync"/> for a user whose catch-up at a login
    /// at <paramref name="evaluatedThrough"/> found that the condition held at no moment up to that login. Every late
    /// event since was judged by <see cref="EvaluateLateAsync"/>, which counts that login as a witness, so if the user
    /// still lacks the milestone the first moment it holds lies at or after <paramref name="evaluatedThrough"/> (the
    /// same millisecond included). Reads only what could have changed since.
    /// </summary>
    ValueTask<RecordedEvent?> FindFirstSinceAsync(EvaluationContext context, DateTimeOffset evaluatedThrough, CancellationToken cancellationToken) =>
        FindFirstAsync(context, cancellationToken);

    /// <summary>
    /// Accelerator, catch-up bound: whether every moment at which the condition can first hold is an event of
    /// <paramref name="triggerEvent"/> (or an award the engine judges the rule at), each judged when it was recorded.
    /// Then catch-up from a mark that covers the milestone can find nothing those judgements did not, and reads nothing.
    /// </summary>
    bool IsJudgedAtEveryCompletingEvent(string triggerEvent) => false;

    /// <summary>
    /// Accelerator, a late event (one that occurred before the user's latest), for a milestone the user does not hold:
    /// whether the events so far, judged in time order, now award it, and if so its first moment. Any event type may
    /// ask; a rule answers null for one that cannot change its answer.
    /// </summary>
    ValueTask<RecordedEvent?> EvaluateLateAsync(EvaluationContext context, string triggerEvent, CancellationToken cancellationToken) =>
        Specification.JudgedAfreshAsync(this, context, triggerEvent, cancellationToken);

    /// <summary>
    /// Accelerator, a late event, for a milestone the user holds with <paramref name="receipt"/>: an event before the
    /// receipt at which the late event proves the condition held, or null. Receipts only ever move earlier.
    /// </summary>
    ValueTask<RecordedEvent?> EarlierReceiptAsync(EvaluationContext context, RecordedEvent receipt, CancellationToken cancellationToken) =>
        Specification.EarlierReceiptAsync(this, context, receipt, cancellationToken);
}
