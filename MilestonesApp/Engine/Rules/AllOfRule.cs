namespace MilestonesApp.Engine.Rules;

/// <summary>
/// <c>all_of</c>: the user holds <see cref="Count"/> of the listed milestones (all of them when the JSON leaves the count
/// out). <c>{"milestones":["first_win","wins_10","habits_5_in_14"],"count":3}</c>
/// It reads receipts, not events: it holds at a moment when Count of the listed milestones the user holds have their
/// receipt at or before it, so it first holds at the Count-th earliest of those receipts, whose proving event it names.
/// A late event that moves a listed receipt earlier moves it earlier too; it is never revoked. The engine judges it in
/// the transaction of every award (or earlier receipt) of a listed milestone, and at a login's catch-up like any rule,
/// so its trigger must be <see cref="EventTypes.UserLoggedIn"/>.
/// </summary>
public sealed record AllOfRule(IReadOnlyList<string> Milestones, int Count) : IMilestoneRule, ISetBasedRule
{
    public const string TypeName = "all_of";

    public static readonly IReadOnlyList<RuleParameter> Parameters =
        [new("milestones", RuleParameterKind.Milestones), new("count", RuleParameterKind.Number, Optional: true)];

    string IMilestoneRule.TypeName => TypeName;

    public IReadOnlyCollection<string> EventsRead => [];

    public IReadOnlyCollection<string> MilestonesRead => Milestones;

    public static AllOfRule? Parse(RuleDataReader data, string triggerEvent)
    {
        data.AllowOnly("milestones", "count");
        var codes = data.RequiredTextList("milestones");
        var count = data.OptionalPositiveInt("count", 1_000);
        if (triggerEvent != EventTypes.UserLoggedIn)
        {
            data.AddTriggerError(MilestoneValidationCodes.TriggerMustBeLogin,
                $"Rule '{TypeName}' is evaluated when one of its milestones is awarded and at logins, so its trigger must be {EventTypes.UserLoggedIn}, not '{triggerEvent}'.");
        }

        if (codes is null)
        {
            return null;
        }

        if (count > codes.Count)
        {
            data.AddError("count", MilestoneValidationCodes.NumberOutOfRange,
                $"Rule '{TypeName}' property 'count' must be a whole number from 1 to {codes.Count}, the milestones it lists, not {count}.", 1, codes.Count);
        }

        if (codes.Contains(data.Code))
        {
            data.AddError("milestones", MilestoneValidationCodes.ListsItself, $"Milestone '{data.Code}' cannot list itself.");
        }

        if (data.Catalog is { } catalog)
        {
            MilestoneGraph.Check(data, codes, catalog);
        }

        return new AllOfRule(codes, count ?? codes.Count);
    }

    public bool HoldsAt(UserLog log, int at) => Listed(log).Count(receipt => !log.Events[at].IsBefore(receipt)) >= Count;

    public RecordedEvent? FirstHeld(UserLog log) =>
        Listed(log).Order(Comparer<RecordedEvent>.Create((a, b) => a.IsBefore(b) ? -1 : b.IsBefore(a) ? 1 : 0)).ElementAtOrDefault(Count - 1);

    public ValueTask<RuleProgress> ProgressAsync(ProgressContext context, CancellationToken cancellationToken)
    {
        var held = Milestones.Count(context.HeldCodes.Contains);
        return ValueTask.FromResult(new RuleProgress(held, Count, new RuleText("Progress.all_of", new NumberArgument(held), new NumberArgument(Count)),
            new Dictionary<string, object> { ["milestones"] = Milestones }));
    }

    public RuleText Describe() => new(TypeName, new NumberArgument(Count), new MilestonesArgument(Milestones));

    // The accelerators. The engine judges the rule at every award of a listed milestone, in that award's transaction,
    // so between catch-ups nothing can complete it unseen: catch-up from the mark finds nothing, and a late event
    // changes it only through a listed milestone's award or receipt, which the engine follows up.
    public bool IsJudgedAtEveryCompletingEvent(string triggerEvent) => true;

    public ValueTask<RecordedEvent?> FindFirstSinceAsync(EvaluationContext context, DateTimeOffset evaluatedThrough, CancellationToken cancellationToken) =>
        ValueTask.FromResult<RecordedEvent?>(null);

    public async ValueTask<RecordedEvent?> FindFirstAsync(EvaluationContext context, CancellationToken cancellationToken) =>
        FirstHeld(new UserLog([], await context.History.HeldReceiptsAsync(cancellationToken)));

    public async ValueTask<RecordedEvent?> EvaluateLateAsync(EvaluationContext context, string triggerEvent, CancellationToken cancellationToken) =>
        context.Event.EventType == EventTypes.UserLoggedIn ? await this.FindFirstKnownAsync(context, cancellationToken) : null;

    public ValueTask<RecordedEvent?> EarlierReceiptAsync(EvaluationContext context, RecordedEvent receipt, CancellationToken cancellationToken) =>
        ValueTask.FromResult<RecordedEvent?>(null);

    // Accelerator for the backfill: each user's Count-th earliest held receipt among the listed milestones.
    public SetBasedQuery FirstAchievements() => new($"""
        SELECT user_id, event_id, occurred_at FROM (
            SELECT held.user_id, held.event_id, held.achieved_at AS occurred_at,
                   ROW_NUMBER() OVER (PARTITION BY held.user_id ORDER BY held.achieved_at, held.event_id) AS position
            FROM user_milestones held JOIN milestones listed ON listed.id = held.milestone_id
            WHERE listed.code IN ({string.Join(", ", Milestones.Select((_, i) => $"@listed_{i}"))})
              AND held.user_id BETWEEN @first_user AND @last_user
        ) ranked
        WHERE position = @count
        """,
        [.. Milestones.Select((code, i) => ($"listed_{i}", (object)code)), ("count", Count)]);

    private IEnumerable<RecordedEvent> Listed(UserLog log) =>
        Milestones.Select(code => log.Held.GetValueOrDefault(code)).OfType<RecordedEvent>();
}
