namespace MilestonesApp.Engine.Rules;

/// <summary><c>return_after_gap</c>: a login at least <see cref="GapDays"/> days after the previous login. <c>{"gap_days":14}</c></summary>
public sealed record ReturnAfterGapRule(int GapDays) : IMilestoneRule, ISetBasedRule
{
    public const string TypeName = "return_after_gap";

    public TimeSpan Gap => TimeSpan.FromDays(GapDays);

    public static ReturnAfterGapRule? Parse(RuleDataReader data, string triggerEvent)
    {
        data.AllowOnly("gap_days");
        var gapDays = data.RequiredPositiveInt("gap_days", 3_650);
        if (triggerEvent != EventTypes.UserLoggedIn)
        {
            data.AddTriggerError($"Rule '{TypeName}' is only evaluated on logins, so its trigger must be {EventTypes.UserLoggedIn}, not '{triggerEvent}'.");
            return null;
        }

        return gapDays is null ? null : new ReturnAfterGapRule(gapDays.Value);
    }

    // A first-ever login has nothing to return from.
    public bool MayHold(UserStatsSnapshot stats) => stats.LoginCount >= 2;

    // Only logins trigger this rule, and every login runs catch-up over the whole history: the real-time question
    // and the catch-up question are the same one here.
    public ValueTask<RecordedEvent?> EvaluateAtEventAsync(EvaluationContext context, CancellationToken cancellationToken) =>
        FindFirstAsync(context, cancellationToken);

    public async ValueTask<RecordedEvent?> FindFirstAsync(EvaluationContext context, CancellationToken cancellationToken)
    {
        var logins = await context.History.UpToAsync(EventTypes.UserLoggedIn, context.Event.OccurredAt, cancellationToken);
        for (var i = 1; i < logins.Count; i++)
        {
            if (logins[i].OccurredAt - logins[i - 1].OccurredAt >= Gap)
            {
                return logins[i];
            }
        }

        return null;
    }

    public SetBasedQuery FirstAchievements() => new("""
        SELECT user_id, event_id, occurred_at FROM (
            SELECT user_id, id AS event_id, occurred_at,
                   ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY occurred_at, id) AS position
            FROM (
                SELECT user_id, id, occurred_at,
                       LAG(occurred_at) OVER (PARTITION BY user_id ORDER BY occurred_at, id) AS previous_login
                FROM events
                WHERE event_type = @event_type AND user_id BETWEEN @first_user AND @last_user
            ) logins
            WHERE previous_login IS NOT NULL AND occurred_at - previous_login >= @gap_ms
        ) gaps
        WHERE position = 1
        """,
        [("event_type", EventTypes.UserLoggedIn), ("gap_ms", (long)Gap.TotalMilliseconds)]);
}
