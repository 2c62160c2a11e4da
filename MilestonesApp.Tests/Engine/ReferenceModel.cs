using MilestonesApp.Engine;
using MilestonesApp.Engine.Rules;

namespace MilestonesApp.Tests.Engine;

/// <summary>
/// The engine's bookkeeping restated over a whole log, in memory and by brute force: when each milestone is awarded
/// and which event its receipt names. What a milestone means is not restated here: each rule's specification
/// (<see cref="IMilestoneRule.HoldsAt"/>, <see cref="IMilestoneRule.FirstHeld"/>) says whether it holds at an event.
/// At event i a milestone is awarded when it is not held yet and either i is its trigger and its condition holds at i,
/// or i is a login (catch-up) and its condition held at some event up to i; its receipt is the first event at which it
/// held. A milestone about other milestones (<see cref="IMilestoneRule.MilestonesRead"/>) is judged whenever one of
/// those is awarded or its receipt moves, and at logins.
/// </summary>
internal static class ReferenceModel
{
    public sealed record LoggedEvent(long Id, string EventType, DateTimeOffset OccurredAt)
    {
        public RecordedEvent Recorded => new(Id, EventType, OccurredAt);
    }

    public sealed record ExpectedAward(string Code, int AwardedAtEvent, RecordedEvent Receipt);

    public sealed record ExpectedStats(long LoginCount, long TotalWins, long TotalHabitsCompleted, DateTimeOffset? LastLoginAt, DateTimeOffset? LastActivityAt);

    /// <summary>The rule of each definition, parsed as the engine parses it.</summary>
    public static IMilestoneRule RuleOf(MilestoneDefinition milestone) => MilestoneDefinitionValidator.ValidateOrThrow(milestone);

    /// <summary>
    /// The awards of an in-order log, for milestones saved just before event <paramref name="savedBefore"/>: from then
    /// on each is awarded as if it had always existed (its condition may have held before it did), never earlier.
    /// </summary>
    public static List<ExpectedAward> Awards(IEnumerable<MilestoneDefinition> active, IReadOnlyList<LoggedEvent> log, int savedBefore = 0)
    {
        var milestones = active.Select(m => (Definition: m, Rule: RuleOf(m))).ToList();
        var events = UserLog.Of([.. log.Select(e => e.Recorded)]);
        var held = new Dictionary<string, ExpectedAward>();
        for (var i = savedBefore; i < log.Count; i++)
        {
            var changed = new HashSet<string>();
            foreach (var (definition, rule) in milestones.Where(m => m.Rule.MilestonesRead.Count == 0 && !held.ContainsKey(m.Definition.Code)))
            {
                var first = rule.FirstHeld(UserLog.Of([.. events.Events.Take(i + 1)]));
                var triggered = log[i].EventType == definition.TriggerEvent && rule.HoldsAt(events, i);
                var caughtUp = log[i].EventType == EventTypes.UserLoggedIn && first is not null;
                if (triggered || caughtUp)
                {
                    held[definition.Code] = new ExpectedAward(definition.Code, i, first!);
                    changed.Add(definition.Code);
                }
            }

            FollowDependents(milestones, held, changed, log[i].EventType == EventTypes.UserLoggedIn, receipt => new ExpectedAward(receipt.Code, i, receipt.Receipt));
        }

        return [.. held.Values];
    }

    /// <summary>
    /// The held awards and reports of a log delivered in <paramref name="arrivals"/> order, each event possibly after
    /// later ones (ids grow with arrival). For <c>count</c> and <c>window_count</c> the held awards after each arrival
    /// are those of a fresh evaluation of every event arrived so far in time order: their meaning does not depend on
    /// arrival order. <c>return_after_gap</c> does: a login arriving is compared with its neighbours in time order, it
    /// awards at the first return found up to that login (or, arriving late, at the login after it), a return found
    /// earlier than the receipt moves the receipt earlier, and nothing is revoked. Rules about other milestones follow
    /// their milestones. An award is reported by the arrival that first makes it held.
    /// </summary>
    public static (List<(string Code, RecordedEvent Receipt)> Held, List<(int Arrival, string Code)> Reported) AwardsDelivered(
        IEnumerable<MilestoneDefinition> active, IReadOnlyList<LoggedEvent> arrivals)
    {
        var milestones = active.Select(m => (Definition: m, Rule: RuleOf(m))).ToList();
        var held = new Dictionary<string, ExpectedAward>();
        for (var k = 0; k < arrivals.Count; k++)
        {
            var arrived = arrivals.Take(k + 1).OrderBy(e => e.OccurredAt).ThenBy(e => e.Id).ToList();
            var changed = new HashSet<string>();
            var orderFree = milestones.Where(m => m.Rule.MilestonesRead.Count == 0 && !m.Rule.DependsOnArrivalOrder).Select(m => m.Definition);
            foreach (var fresh in Awards(orderFree, arrived))
            {
                if (!held.TryGetValue(fresh.Code, out var before) || fresh.Receipt != before.Receipt)
                {
                    held[fresh.Code] = before is null ? fresh with { AwardedAtEvent = k } : before with { Receipt = fresh.Receipt };
                    changed.Add(fresh.Code);
                }
            }

            if (arrivals[k].EventType == EventTypes.UserLoggedIn)
            {
                foreach (var (definition, rule) in milestones.Where(m => m.Rule.DependsOnArrivalOrder))
                {
                    if (ReturnOnArrival(rule, arrived, arrivals[k], held.GetValueOrDefault(definition.Code)?.Receipt) is { } receipt)
                    {
                        held[definition.Code] = held.TryGetValue(definition.Code, out var before) ? before with { Receipt = receipt } : new(definition.Code, k, receipt);
                        changed.Add(definition.Code);
                    }
                }
            }

            FollowDependents(milestones, held, changed, arrivals[k].EventType == EventTypes.UserLoggedIn, award => award with { AwardedAtEvent = k });
        }

        return ([.. held.Values.Select(award => (award.Code, award.Receipt))], [.. held.Values.Select(award => (award.AwardedAtEvent, award.Code))]);
    }

    /// <summary>The codes whose awards depend on arrival order: <c>return_after_gap</c>, and what reads one of them.</summary>
    public static HashSet<string> OrderDependent(IEnumerable<MilestoneDefinition> active)
    {
        var milestones = active.Select(m => (Definition: m, Rule: RuleOf(m))).ToList();
        var dependent = milestones.Where(m => m.Rule.DependsOnArrivalOrder).Select(m => m.Definition.Code).ToHashSet();
        while (milestones.FirstOrDefault(m => !dependent.Contains(m.Definition.Code) && m.Rule.MilestonesRead.Any(dependent.Contains)) is { Definition: { } definition })
        {
            dependent.Add(definition.Code);
        }

        return dependent;
    }

    public static ExpectedStats? Stats(IReadOnlyList<LoggedEvent> log) => log.Count == 0 ? null : new ExpectedStats(
        log.Count(e => e.EventType == EventTypes.UserLoggedIn),
        log.Count(e => e.EventType == EventTypes.WinLogged),
        log.Count(e => e.EventType == EventTypes.HabitCompleted),
        log.Where(e => e.EventType == EventTypes.UserLoggedIn).Select(e => (DateTimeOffset?)e.OccurredAt).Max(),
        log.Max(e => e.OccurredAt));

    /// <summary>
    /// Judges the milestones about other milestones after <paramref name="changed"/> were awarded or moved (or at a
    /// login): awarded, or moved earlier, to what their specification says over the receipts held; in turn, until
    /// nothing changes.
    /// </summary>
    private static void FollowDependents(
        List<(MilestoneDefinition Definition, IMilestoneRule Rule)> milestones, Dictionary<string, ExpectedAward> held, HashSet<string> changed, bool login,
        Func<ExpectedAward, ExpectedAward> awardedNow)
    {
        var dependents = milestones.Where(m => m.Rule.MilestonesRead.Count > 0).ToList();
        for (var round = 0; round <= dependents.Count; round++)
        {
            var receipts = held.ToDictionary(award => award.Key, award => award.Value.Receipt);
            var next = new HashSet<string>();
            foreach (var (definition, rule) in dependents.Where(m => (login && round == 0) || m.Rule.MilestonesRead.Any(changed.Contains)))
            {
                if (rule.FirstHeld(new UserLog([], receipts)) is not { } first)
                {
                    continue;
                }

                if (!held.TryGetValue(definition.Code, out var before))
                {
                    held[definition.Code] = awardedNow(new ExpectedAward(definition.Code, -1, first));
                    next.Add(definition.Code);
                }
                else if (first.IsBefore(before.Receipt))
                {
                    held[definition.Code] = before with { Receipt = first };
                    next.Add(definition.Code);
                }
            }

            changed = next;
        }
    }

    /// <summary>The receipt a login's arrival gives a return_after_gap milestone, or null when it changes nothing.</summary>
    private static RecordedEvent? ReturnOnArrival(IMilestoneRule rule, List<LoggedEvent> arrived, LoggedEvent login, RecordedEvent? receipt)
    {
        var logins = UserLog.Of([.. arrived.Where(e => e.EventType == EventTypes.UserLoggedIn).Select(e => e.Recorded)]);
        var position = logins.Events.ToList().FindIndex(e => e.Id == login.Id);
        bool Returns(int at) => at > 0 && at < logins.Events.Count && rule.HoldsAt(logins, at);

        if (receipt is null)
        {
            var upToArrival = Enumerable.Range(1, position).Cast<int?>().FirstOrDefault(at => Returns(at!.Value));
            return upToArrival is { } first ? logins.Events[first] : Returns(position + 1) ? logins.Events[position + 1] : null;
        }

        return new[] { position, position + 1 }.Where(Returns).Select(at => logins.Events[at]).FirstOrDefault(candidate => candidate.IsBefore(receipt));
    }
}
