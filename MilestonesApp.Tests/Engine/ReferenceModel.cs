using System.Text.Json.Nodes;
using MilestonesApp.Engine;

namespace MilestonesApp.Tests.Engine;

/// <summary>
/// The engine's semantics restated over a whole in-order log, in memory and by brute force: no SQL, no rule classes,
/// no incremental state. At event i a milestone is awarded when it is not held yet and either i is its trigger and its
/// condition holds at i, or i is a login (catch-up) and its condition held at some event up to i. It is achieved at
/// the first event at which its condition held.
/// </summary>
internal static class ReferenceModel
{
    public sealed record LoggedEvent(string EventType, DateTimeOffset OccurredAt);

    public sealed record ExpectedAward(string Code, int AwardedAtEvent, DateTimeOffset AchievedAt);

    public sealed record ExpectedStats(long LoginCount, long TotalWins, long TotalHabitsCompleted, DateTimeOffset? LastLoginAt, DateTimeOffset? LastActivityAt);

    public static List<ExpectedAward> Awards(IEnumerable<MilestoneDefinition> active, IReadOnlyList<LoggedEvent> log)
    {
        var awards = new List<ExpectedAward>();
        foreach (var milestone in active)
        {
            var holdsAt = Condition(milestone, log);
            for (var i = 0; i < log.Count; i++)
            {
                var first = Enumerable.Range(0, i + 1).Cast<int?>().FirstOrDefault(j => holdsAt(j!.Value));
                var triggered = log[i].EventType == milestone.TriggerEvent && holdsAt(i);
                var caughtUp = log[i].EventType == EventTypes.UserLoggedIn && first is not null;
                if (triggered || caughtUp)
                {
                    awards.Add(new ExpectedAward(milestone.Code, i, log[first!.Value].OccurredAt));
                    break;
                }
            }
        }

        return awards;
    }

    public static ExpectedStats? Stats(IReadOnlyList<LoggedEvent> log) => log.Count == 0 ? null : new ExpectedStats(
        log.Count(e => e.EventType == EventTypes.UserLoggedIn),
        log.Count(e => e.EventType == EventTypes.WinLogged),
        log.Count(e => e.EventType == EventTypes.HabitCompleted),
        log.Where(e => e.EventType == EventTypes.UserLoggedIn).Select(e => (DateTimeOffset?)e.OccurredAt).Max(),
        log.Max(e => e.OccurredAt));

    /// <summary>Whether the milestone's condition holds at event j, looking only at events 0..j.</summary>
    private static Func<int, bool> Condition(MilestoneDefinition milestone, IReadOnlyList<LoggedEvent> log)
    {
        var rule = JsonNode.Parse(milestone.RuleData)!.AsObject();
        switch (milestone.RuleType)
        {
            case "count":
                var counted = (string)rule["field"]! switch
                {
                    "login_count" => EventTypes.UserLoggedIn,
                    "total_wins" => EventTypes.WinLogged,
                    "total_habits_completed" => EventTypes.HabitCompleted,
                    var field => throw new InvalidOperationException($"The model knows no counter '{field}'."),
                };
                var threshold = (int)rule["threshold"]!;
                return j => log.Take(j + 1).Count(e => e.EventType == counted) >= threshold;

            case "window_count":
                var eventType = (string)rule["event"]!;
                var count = (int)rule["count"]!;
                var window = TimeSpan.FromDays((int)rule["window_days"]!);
                return j => log.Take(j + 1).Count(e => e.EventType == eventType && e.OccurredAt >= log[j].OccurredAt - window) >= count;

            case "return_after_gap":
                var gap = TimeSpan.FromDays((int)rule["gap_days"]!);
                return j =>
                {
                    if (log[j].EventType != EventTypes.UserLoggedIn)
                    {
                        return false;
                    }

                    var previous = log.Take(j).LastOrDefault(e => e.EventType == EventTypes.UserLoggedIn);
                    return previous is not null && log[j].OccurredAt - previous.OccurredAt >= gap;
                };

            default:
                throw new InvalidOperationException($"The model knows no rule type '{milestone.RuleType}'.");
        }
    }
}
