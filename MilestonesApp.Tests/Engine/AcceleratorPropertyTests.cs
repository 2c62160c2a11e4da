using System.Data.Common;
using CsCheck;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MilestonesApp.Data;
using MilestonesApp.Engine;
using MilestonesApp.Engine.Rules;
using MilestonesApp.Engine.Storage;
using MilestonesApp.Tests.Shared;
using static MilestonesApp.Tests.Engine.ReferenceModel;

namespace MilestonesApp.Tests.Engine;

/// <summary>
/// Each accelerator of each rule, asked directly over several users' stored logs, answers what the rule's specification
/// (<see cref="IMilestoneRule.FirstHeld"/>, or <see cref="Specification"/>'s fallback over the same log in memory) says,
/// proving event included. The replay tests check the engine that puts them together; these check each piece.
/// </summary>
public sealed class AcceleratorPropertyTests
{
    // Steps on and beside the rules' edges (1 and 2 days, gaps of 2 and 3 days), and repeated instants (zero).
    private static readonly TimeSpan[] Steps =
    [
        TimeSpan.Zero, TimeSpan.FromMilliseconds(1), TimeSpan.FromHours(23), TimeSpan.FromDays(1),
        TimeSpan.FromDays(1).Add(TimeSpan.FromMilliseconds(1)), TimeSpan.FromDays(2), TimeSpan.FromDays(3), TimeSpan.FromDays(15),
    ];

    private static readonly MilestoneDefinition[] Rules =
    [
        TestMilestones.Count("acc_wins_2", StatsCounters.TotalWins, 2),
        TestMilestones.Count("acc_logins_3", StatsCounters.LoginCount, 3, trigger: EventTypes.HabitCompleted),
        TestMilestones.WindowCount("acc_habits_3_in_2", EventTypes.HabitCompleted, count: 3, windowDays: 2),
        TestMilestones.WindowCount("acc_wins_2_in_1", EventTypes.WinLogged, count: 2, windowDays: 1, trigger: EventTypes.UserLoggedIn),
        TestMilestones.ReturnAfterGap("acc_back_after_2", gapDays: 2),
    ];

    private static readonly DateTimeOffset Origin = EngineHost.Now.AddYears(-5);

    private static readonly Gen<(int User, string EventType, TimeSpan Step)[]> Logs =
        Gen.Select(Gen.Int[0, 2], Gen.OneOf([.. EventTypes.All]), Gen.OneOf(Steps)).Array[0, 24];

    [Theory, OnEachProvider]
    public async Task Every_accelerator_answers_what_the_specification_says(DatabaseProvider provider)
    {
        await using var host = await EngineHost.StartAsync(provider);
        await host.KeepOnlyMilestonesAsync();
        var rules = Rules.Select(RuleOf).ToList();

        await Logs.SampleAsync(async events =>
        {
            var logs = await RecordAsync(host, events);
            await using var connection = await OpenAsync(host);
            var store = new EngineStore(connection, transaction: null);
            foreach (var rule in rules)
            {
                foreach (var (user, log) in logs)
                {
                    await AssertInOrderAcceleratorsAsync(rule, store, user, log);
                    if (!rule.DependsOnArrivalOrder)
                    {
                        await AssertLateAcceleratorsAsync(rule, store, user, log);
                    }
                }

                await AssertSetBasedAsync(connection, (ISetBasedRule)rule, logs.ToDictionary(pair => pair.Key, pair => rule.FirstHeld(UserLog.Of(pair.Value))));
            }
        }, iter: 25);
    }

    [Theory, OnEachProvider]
    public async Task A_rule_about_milestones_is_awarded_found_and_backfilled_at_its_specifications_receipt(DatabaseProvider provider)
    {
        await using var host = await EngineHost.StartAsync(provider);
        MilestoneDefinition[] allOf =
        [
            TestMilestones.AllOf("acc_two_of_three", ["acc_wins_2", "acc_habits_3_in_2", "acc_back_after_2"], count: 2),
            TestMilestones.AllOf("acc_all_of_all", ["acc_two_of_three", "acc_logins_3"]),
        ];
        await host.KeepOnlyMilestonesAsync([.. Rules, .. allOf]);

        await Logs.SampleAsync(async events =>
        {
            var logs = await RecordAsync(host, events);
            await using var connection = await OpenAsync(host);
            var store = new EngineStore(connection, transaction: null);
            foreach (var definition in allOf)
            {
                var rule = RuleOf(definition);
                var expected = new Dictionary<string, RecordedEvent?>();
                foreach (var user in logs.Keys)
                {
                    var held = await store.Awards.HeldReceiptsByCodeAsync(user, TestContext.Current.CancellationToken);
                    expected[user] = rule.FirstHeld(new UserLog([], held));

                    // The engine's follow-up of each award (the accelerator that awards it), and catch-up's question.
                    Assert.Equal(expected[user], held.GetValueOrDefault(definition.Code));
                    var context = new EvaluationContext(logs[user][^1], await store.Stats.ReadAsync(user, default), new SqlUserHistory(store, user));
                    Assert.Equal(expected[user], await rule.FindFirstAsync(context, TestContext.Current.CancellationToken));
                }

                await AssertSetBasedAsync(connection, (ISetBasedRule)rule, expected);
            }
        }, iter: 25);
    }

    /// <summary>Records each user's events in time order; returns each user's stored log, oldest first.</summary>
    private static async Task<Dictionary<string, List<RecordedEvent>>> RecordAsync(EngineHost host, (int User, string EventType, TimeSpan Step)[] events)
    {
        var users = Enumerable.Range(0, 3).Select(_ => Guid.NewGuid().ToString("N")).ToArray();
        var clocks = users.Select(_ => Origin).ToArray();
        var logs = users.ToDictionary(user => user, _ => new List<RecordedEvent>());
        foreach (var (user, eventType, step) in events)
        {
            var at = clocks[user] += step;
            var result = await host.RecordAsync(users[user], eventType, at);
            logs[users[user]].Add(new RecordedEvent(result.EventId, eventType, at));
        }

        return logs.Where(pair => pair.Value.Count > 0).ToDictionary();
    }

    private static Task<DbConnection> OpenAsync(EngineHost host) =>
        host.Services.GetRequiredService<IEngineDatabase>().OpenConnectionAsync(TestContext.Current.CancellationToken);

    /// <summary>
    /// At each event of the log taken as the user's latest (the last one at its instant), with the stats after it: the
    /// bound from the stats, real-time evaluation (through the window bounds, as the engine reads), catch-up, catch-up
    /// from each earlier mark and the catch-up skip each answer what the specification says of the log so far.
    /// </summary>
    private static async Task AssertInOrderAcceleratorsAsync(IMilestoneRule rule, EngineStore store, string user, List<RecordedEvent> log)
    {
        var ct = TestContext.Current.CancellationToken;
        var bounds = new WindowCountBounds();
        for (var j = 0; j < log.Count; j++)
        {
            if (j + 1 < log.Count && log[j + 1].OccurredAt == log[j].OccurredAt)
            {
                continue;
            }

            var soFar = UserLog.Of(log[..(j + 1)]);
            var stats = StatsOf(user, soFar.Events);
            var first = rule.FirstHeld(soFar);
            Assert.True(first is null || rule.MayHold(stats), "MayHold may only rule out what never held");

            var atLatest = new SqlUserHistory(store, user, (bounds, stats));
            Assert.Equal(rule.HoldsAt(soFar, j) ? first : null, await rule.EvaluateAtEventAsync(new(log[j], stats, atLatest), ct));
            bounds.Remember(atLatest.WindowCounts);

            var context = new EvaluationContext(log[j], stats, new SqlUserHistory(store, user));
            Assert.Equal(first, await rule.FindFirstAsync(context, ct));

            // A mark at an earlier login up to which the condition had held at no moment.
            for (var l = 0; l <= j; l++)
            {
                if (log[l].EventType == EventTypes.UserLoggedIn && (l + 1 > j || log[l + 1].OccurredAt != log[l].OccurredAt) && rule.FirstHeld(UserLog.Of(log[..(l + 1)])) is null)
                {
                    Assert.Equal(first, await rule.FindFirstSinceAsync(context, log[l].OccurredAt, ct));
                }
            }

            foreach (var trigger in EventTypes.All.Where(rule.IsJudgedAtEveryCompletingEvent))
            {
                Assert.True(first is null || first.EventType == trigger, $"it first held at a {first?.EventType}, not judged as a {trigger}");
            }
        }
    }

    /// <summary>
    /// Each event of the log taken as arriving last although it is not the latest: evaluation at a late event (for a
    /// milestone not held before it) and the earlier receipt (for one held) answer what judging the log afresh says.
    /// </summary>
    private static async Task AssertLateAcceleratorsAsync(IMilestoneRule rule, EngineStore store, string user, List<RecordedEvent> log)
    {
        var ct = TestContext.Current.CancellationToken;
        var stats = StatsOf(user, log);
        // A late event has the greatest id of its instant: it was stored after every event already there.
        foreach (var late in log.Where((e, i) => e.IsBefore(log[^1]) && log[i + 1].OccurredAt != e.OccurredAt))
        {
            var before = log.Where(e => e != late).ToList();
            var context = new EvaluationContext(late, stats, new SqlUserHistory(store, user));
            foreach (var trigger in EventTypes.All)
            {
                var heldBefore = await Specification.JudgedAfreshAsync(rule, new(late, StatsOf(user, before), new InMemoryHistory(before)), trigger, ct);
                if (heldBefore is null)
                {
                    var expected = await Specification.JudgedAfreshAsync(rule, new(late, stats, new InMemoryHistory(log)), trigger, ct);
                    Assert.Equal(expected, await rule.EvaluateLateAsync(context, trigger, ct));
                }
                else
                {
                    var expected = await Specification.EarlierReceiptAsync(rule, new(late, stats, new InMemoryHistory(log)), heldBefore, ct);
                    Assert.Equal(expected, await rule.EarlierReceiptAsync(context, heldBefore, ct));
                }
            }
        }
    }

    /// <summary>The rule's set-based statement over the users' range finds, for each of them, the specification's receipt.</summary>
    private static async Task AssertSetBasedAsync(DbConnection connection, ISetBasedRule rule, IReadOnlyDictionary<string, RecordedEvent?> expected)
    {
        if (expected.Count == 0)
        {
            return;
        }

        var query = rule.FirstAchievements();
        await using var command = connection.CreateCommand();
        command.CommandText = query.Sql;
        foreach (var (name, value) in query.Parameters.Append(("first_user", expected.Keys.Min()!)).Append(("last_user", expected.Keys.Max()!)))
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        var found = new Dictionary<string, (long, DateTimeOffset)>();
        await using (var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken))
        {
            while (await reader.ReadAsync(TestContext.Current.CancellationToken))
            {
                found[reader.GetString(0)] = (reader.GetInt64(1), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)));
            }
        }

        // The range may hold other samples' users: only these are this sample's to check.
        Assert.Equal(
            expected.Where(pair => pair.Value is not null).Select(pair => (pair.Key, pair.Value!.Id, pair.Value.OccurredAt)).Order(),
            found.Where(pair => expected.ContainsKey(pair.Key)).Select(pair => (pair.Key, pair.Value.Item1, pair.Value.Item2)).Order());
    }

    private static UserStatsSnapshot StatsOf(string user, IReadOnlyList<RecordedEvent> log) => new(
        user,
        log.Count(e => e.EventType == EventTypes.UserLoggedIn),
        log.Count(e => e.EventType == EventTypes.WinLogged),
        log.Count(e => e.EventType == EventTypes.HabitCompleted),
        log.Where(e => e.EventType == EventTypes.UserLoggedIn).Select(e => (DateTimeOffset?)e.OccurredAt).Max(),
        log.Count == 0 ? null : log.Max(e => e.OccurredAt));
}
