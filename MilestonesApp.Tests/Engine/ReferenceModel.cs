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

    /// <summary>
    /// The awards of an in-order log, for milestones saved just before event <paramref name="savedBefore"/>: from then
    /// on each is awarded as if it had always existed (its condition may have held before it did), never earlier.
    /// </summary>
    public static List<ExpectedAward> Awards(IEnumerable<MilestoneDefinition> active, IReadOnlyList<LoggedEvent> log, int savedBefore = 0)
    {
        var awards = new List<ExpectedAward>();
        foreach (var milestone in active)
        {
            var holdsAt = Condition(milestone, log);
            for (var i = savedBefore; i < log.Count; i++)
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

    /// <summary>
    /// The awards of a log delivered in <paramref name="arrivals"/> order, each event possibly after later ones. For
    /// <c>count</c> and <c>window_count</c>, the held awards after each arrival are those of a fresh evaluation of every
    /// event arrived so far in time order (ties by arrival); an award is reported by the arrival that first makes it
    /// held, and its receipt is the first moment its condition held. <c>return_after_gap</c> is never revoked: a login
    /// arriving is compared with its neighbours in time order, it awards at the first gap found up to that login (or,
    /// arriving late, at the login after it), and a gap found earlier than the receipt moves the receipt earlier.
    /// </summary>
    public static (List<(string Code, DateTimeOffset AchievedAt)> Held, List<(int Arrival, string Code)> Reported) AwardsDelivered(
        IEnumerable<MilestoneDefinition> active, IReadOnlyList<LoggedEvent> arrivals)
    {
        var milestones = active.ToList();
        var held = new Dictionary<string, (DateTimeOffset At, int Arrival)>();
        var reported = new List<(int, string)>();
        for (var k = 0; k < arrivals.Count; k++)
        {
            var arrived = Enumerable.Range(0, k + 1).OrderBy(i => arrivals[i].OccurredAt).ThenBy(i => i).ToList();
            var fresh = Awards(milestones.Where(m => m.RuleType != "return_after_gap"), arrived.Select(i => arrivals[i]).ToList());
            foreach (var award in fresh)
            {
                if (!held.ContainsKey(award.Code))
                {
                    reported.Add((k, award.Code));
                }

                held[award.Code] = (award.AchievedAt, Arrival: -1);
            }

            if (arrivals[k].EventType == EventTypes.UserLoggedIn)
            {
                foreach (var milestone in milestones.Where(m => m.RuleType == "return_after_gap"))
                {
                    var receipt = held.TryGetValue(milestone.Code, out var current) ? current : ((DateTimeOffset, int)?)null;
                    if (ReturnOnArrival(milestone, arrivals, arrived, k, receipt) is { } achieved)
                    {
                        if (!held.ContainsKey(milestone.Code))
                        {
                            reported.Add((k, milestone.Code));
                        }

                        held[milestone.Code] = achieved;
                    }
                }
            }
        }

        return (held.Select(award => (award.Key, award.Value.At)).ToList(), reported);
    }

    /// <summary>The receipt a login's arrival gives a return_after_gap milestone, or null when it changes nothing.</summary>
    private static (DateTimeOffset At, int Arrival)? ReturnOnArrival(
        MilestoneDefinition milestone, IReadOnlyList<LoggedEvent> arrivals, List<int> arrived, int k, (DateTimeOffset At, int Arrival)? receipt)
    {
        var gap = TimeSpan.FromDays((int)JsonNode.Parse(milestone.RuleData)!["gap_days"]!);
        var logins = arrived.Where(i => arrivals[i].EventType == EventTypes.UserLoggedIn).ToList();
        var position = logins.IndexOf(k);
        bool Returns(int at) => at > 0 && at < logins.Count && arrivals[logins[at]].OccurredAt - arrivals[logins[at - 1]].OccurredAt >= gap;
        (DateTimeOffset, int) Receipt(int at) => (arrivals[logins[at]].OccurredAt, logins[at]);

        if (receipt is not { } held)
        {
            var upToArrival = Enumerable.Range(1, position).Cast<int?>().FirstOrDefault(at => Returns(at!.Value));
            return upToArrival is { } first ? Receipt(first) : Returns(position + 1) ? Receipt(position + 1) : null;
        }

        var earlier = new[] { position, position + 1 }.Where(Returns).Select(Receipt)
            .Where(candidate => candidate.Item1 < held.At || (candidate.Item1 == held.At && candidate.Item2 < held.Arrival))
            .Cast<(DateTimeOffset, int)?>()
            .FirstOrDefault();
        return earlier;
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
