using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MilestonesApp.Data;
using MilestonesApp.Data.Entities;
using MilestonesApp.Engine;
using MilestonesApp.Engine.Backfill;
using MilestonesApp.Engine.Rules;
using MilestonesApp.Tests.Shared;

namespace MilestonesApp.Tests.Engine;

public sealed class MilestoneBackfillTests : IAsyncDisposable
{
    private EngineHost? started;

    private static DateTimeOffset DaysAgo(double days) => EngineHost.Now - TimeSpan.FromDays(days);

    private EngineHost Host => started ?? throw new InvalidOperationException("The test has not started its Host.");

    public async ValueTask DisposeAsync()
    {
        if (started is not null)
        {
            await started.DisposeAsync();
        }
    }

    private IMilestoneBackfill Backfill => Host.Services.GetRequiredService<IMilestoneBackfill>();

    [Theory, OnEachProvider]
    public async Task A_count_rule_awards_those_past_the_threshold_at_the_event_that_reached_it(DatabaseProvider provider)
    {
        started = await EngineHost.StartAsync(provider);
        var five = await RecordAsync("five-wins", EventTypes.WinLogged, 50, 40, 30, 20, 10);
        await RecordAsync("two-wins", EventTypes.WinLogged, 50, 40);
        var three = await RecordAsync("three-wins", EventTypes.WinLogged, 9, 8, 7);
        await Host.SaveMilestonesAsync(TestMilestones.Count("wins_3", StatsCounters.TotalWins, 3));

        var result = await Backfill.AwardEveryoneWhoQualifiesAsync("wins_3", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(2, result.NewlyAwarded);
        Assert.Equal(
            [("five-wins", five[2].Id, five[2].At), ("three-wins", three[2].Id, three[2].At)],
            await AwardsOfMilestoneAsync("wins_3"));
    }

    [Theory, OnEachProvider]
    public async Task A_window_rule_awards_at_the_first_event_that_completed_a_window(DatabaseProvider provider)
    {
        started = await EngineHost.StartAsync(provider);
        var late = await RecordAsync("late-burst", EventTypes.HabitCompleted, 60, 20, 18, 16, 1);
        await RecordAsync("spread-out", EventTypes.HabitCompleted, 60, 52, 44, 36);
        var quick = await RecordAsync("quick", EventTypes.HabitCompleted, 30, 29.5, 29);
        await Host.SaveMilestonesAsync(TestMilestones.WindowCount("habits_3_in_7", EventTypes.HabitCompleted, 3, 7));

        var result = await Backfill.AwardEveryoneWhoQualifiesAsync("habits_3_in_7", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(2, result.NewlyAwarded);
        Assert.Equal(
            [("late-burst", late[3].Id, late[3].At), ("quick", quick[2].Id, quick[2].At)],
            await AwardsOfMilestoneAsync("habits_3_in_7"));
    }

    [Theory, OnEachProvider]
    public async Task A_gap_rule_awards_at_the_first_login_after_a_long_enough_absence(DatabaseProvider provider)
    {
        started = await EngineHost.StartAsync(provider);
        var returned = await RecordAsync("returned", EventTypes.UserLoggedIn, 90, 85, 60, 59, 10);
        await RecordAsync("regular", EventTypes.UserLoggedIn, 40, 30, 20, 10);
        var exactly = await RecordAsync("exactly-14", EventTypes.UserLoggedIn, 30, 16);
        await Host.SaveMilestonesAsync(TestMilestones.ReturnAfterGap("back_after_14", 14));

        var result = await Backfill.AwardEveryoneWhoQualifiesAsync("back_after_14", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(2, result.NewlyAwarded);
        Assert.Equal(
            [("exactly-14", exactly[1].Id, exactly[1].At), ("returned", returned[2].Id, returned[2].At)],
            await AwardsOfMilestoneAsync("back_after_14"));
    }

    [Theory, OnEachProvider]
    public async Task New_awards_name_no_granting_event_and_are_granted_now(DatabaseProvider provider)
    {
        started = await EngineHost.StartAsync(provider);
        await RecordAsync("winner", EventTypes.WinLogged, 3);
        await Host.SaveMilestonesAsync(TestMilestones.Count("wins_1", StatsCounters.TotalWins, 1));
        Host.Clock.Advance(TimeSpan.FromHours(2));

        await Backfill.AwardEveryoneWhoQualifiesAsync("wins_1", cancellationToken: TestContext.Current.CancellationToken);

        var award = Assert.Single(await AwardRowsAsync("wins_1"));
        Assert.Null(award.AwardedByEventId);
        Assert.Equal(Host.Clock.GetUtcNow(), award.AwardedAt);
    }

    [Theory, OnEachProvider]
    public async Task A_second_run_awards_nobody_and_changes_no_row(DatabaseProvider provider)
    {
        started = await EngineHost.StartAsync(provider);
        await RecordAsync("a", EventTypes.WinLogged, 5, 4);
        await RecordAsync("b", EventTypes.WinLogged, 3, 2, 1);
        await Host.SaveMilestonesAsync(TestMilestones.Count("wins_2", StatsCounters.TotalWins, 2));
        await Backfill.AwardEveryoneWhoQualifiesAsync("wins_2", cancellationToken: TestContext.Current.CancellationToken);
        var first = await AwardRowsAsync("wins_2");
        Host.Clock.Advance(TimeSpan.FromDays(1));

        var second = await Backfill.AwardEveryoneWhoQualifiesAsync("wins_2", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(0, second.NewlyAwarded);
        Assert.Equal(2, second.UsersEvaluated);
        Assert.Equivalent(first, await AwardRowsAsync("wins_2"));
    }

    [Theory, OnEachProvider]
    public async Task An_award_already_held_keeps_its_times_and_granting_event(DatabaseProvider provider)
    {
        started = await EngineHost.StartAsync(provider);
        await Host.SaveMilestonesAsync(TestMilestones.Count("wins_2", StatsCounters.TotalWins, 2));
        await RecordAsync("real-time", EventTypes.WinLogged, 5, 4);
        var held = Assert.Single(await AwardRowsAsync("wins_2"));
        await RecordAsync("late", EventTypes.WinLogged, 3, 2);
        Assert.Equal(2, (await AwardRowsAsync("wins_2")).Count);
        Host.Clock.Advance(TimeSpan.FromDays(3));

        var result = await Backfill.AwardEveryoneWhoQualifiesAsync("wins_2", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(0, result.NewlyAwarded);
        var after = (await AwardRowsAsync("wins_2")).Single(award => award.UserId == "real-time");
        Assert.Equivalent(held, after);
        Assert.NotNull(after.AwardedByEventId);
    }

    [Theory, OnEachProvider]
    public async Task An_inactive_milestone_is_refused_and_nothing_is_awarded(DatabaseProvider provider)
    {
        started = await EngineHost.StartAsync(provider);
        await RecordAsync("winner", EventTypes.WinLogged, 3);
        await Host.SaveMilestonesAsync(TestMilestones.Count("dormant", StatsCounters.TotalWins, 1) with { IsActive = false });

        var refusal = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            Backfill.AwardEveryoneWhoQualifiesAsync("dormant", cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal("Milestone 'dormant' is inactive; activate it before awarding it.", refusal.Message);
        Assert.Empty(await AwardRowsAsync("dormant"));
    }

    [Theory, OnEachProvider]
    public async Task An_unknown_code_is_refused(DatabaseProvider provider)
    {
        started = await EngineHost.StartAsync(provider);
        var refusal = await Assert.ThrowsAsync<KeyNotFoundException>(() =>
            Backfill.AwardEveryoneWhoQualifiesAsync("no_such_code", cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal("No milestone has the code 'no_such_code'.", refusal.Message);
    }

    [Theory, OnEachProvider]
    public async Task Progress_counts_up_to_every_user(DatabaseProvider provider)
    {
        started = await EngineHost.StartAsync(provider);
        foreach (var user in new[] { "u1", "u2", "u3" })
        {
            await RecordAsync(user, EventTypes.WinLogged, 1);
        }

        await Host.SaveMilestonesAsync(TestMilestones.Count("wins_1", StatsCounters.TotalWins, 1));
        var reports = new RecordedProgress();

        await Backfill.AwardEveryoneWhoQualifiesAsync("wins_1", reports, TestContext.Current.CancellationToken);

        Assert.Equal(new BackfillProgress(0, 3), reports.All[0]);
        Assert.Equal(new BackfillProgress(3, 3), reports.All[^1]);
    }

    public static TheoryData<DatabaseProvider, string> RuleKinds => new MatrixTheoryData<DatabaseProvider, string>(
        [DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql], ["count", "window_count", "return_after_gap"]);

    [Theory]
    [MemberData(nameof(RuleKinds))]
    public async Task User_by_user_evaluation_awards_what_the_set_based_query_awards(DatabaseProvider provider, string ruleKind)
    {
        started = await EngineHost.StartAsync(provider);
        var (setBased, userByUser) = ruleKind switch
        {
            "count" => (TestMilestones.Count("set_based", StatsCounters.TotalHabitsCompleted, 4),
                TestMilestones.Count("user_by_user", StatsCounters.TotalHabitsCompleted, 4)),
            "window_count" => (TestMilestones.WindowCount("set_based", EventTypes.HabitCompleted, 3, 7),
                TestMilestones.WindowCount("user_by_user", EventTypes.HabitCompleted, 3, 7)),
            _ => (TestMilestones.ReturnAfterGap("set_based", 9), TestMilestones.ReturnAfterGap("user_by_user", 9)),
        };
        await RecordRandomHistoriesAsync(seed: 4242, users: 25);
        await Host.SaveMilestonesAsync(setBased, userByUser);
        var backfill = (MilestoneBackfill)Backfill;
        var userByUserId = await Host.QueryAsync((db, ct) => db.Milestones.Where(m => m.Code == "user_by_user").Select(m => m.Id).SingleAsync(ct));

        var viaSql = await backfill.AwardEveryoneWhoQualifiesAsync("set_based", cancellationToken: TestContext.Current.CancellationToken);
        var viaRule = await backfill.AwardAsync(
            userByUserId, "user_by_user", new SpecificationOnlyRule(MilestoneDefinitionValidator.ValidateOrThrow(userByUser)), null, TestContext.Current.CancellationToken);

        Assert.True(viaSql.NewlyAwarded > 0, "the generated histories should qualify some users");
        Assert.Equal(viaSql.NewlyAwarded, viaRule.NewlyAwarded);
        Assert.Equal(await AwardsOfMilestoneAsync("set_based"), await AwardsOfMilestoneAsync("user_by_user"));
    }

    private async Task RecordRandomHistoriesAsync(int seed, int users)
    {
        var random = new Random(seed);
        for (var user = 0; user < users; user++)
        {
            var events = Enumerable.Range(0, random.Next(0, 14))
                .Select(_ => (Type: random.Next(2) == 0 ? EventTypes.HabitCompleted : EventTypes.UserLoggedIn, DaysAgo: random.NextDouble() * 40))
                .OrderByDescending(e => e.DaysAgo);
            foreach (var (type, daysAgo) in events)
            {
                await Host.RecordAsync($"user-{user:D2}", type, DaysAgo(daysAgo));
            }
        }
    }

    private async Task<List<(long Id, DateTimeOffset At)>> RecordAsync(string userId, string eventType, params double[] daysAgo)
    {
        var recorded = new List<(long, DateTimeOffset)>();
        foreach (var days in daysAgo)
        {
            var at = DateTimeOffset.FromUnixTimeMilliseconds(DaysAgo(days).ToUnixTimeMilliseconds());
            var result = await Host.RecordAsync(userId, eventType, at);
            recorded.Add((result.EventId, at));
        }

        return recorded;
    }

    private Task<List<UserMilestone>> AwardRowsAsync(string code) => Host.QueryAsync((db, ct) =>
        db.UserMilestones.AsNoTracking().Where(a => a.Milestone!.Code == code).OrderBy(a => a.UserId).ToListAsync(ct));

    private async Task<List<(string UserId, long EventId, DateTimeOffset AchievedAt)>> AwardsOfMilestoneAsync(string code) =>
        (await AwardRowsAsync(code)).ConvertAll(award => (award.UserId, award.EventId!.Value, award.AchievedAt));

    /// <summary>Keeps every report synchronously, unlike Progress&lt;T&gt;, which posts them to the thread pool.</summary>
    private sealed class RecordedProgress : IProgress<BackfillProgress>
    {
        public List<BackfillProgress> All { get; } = [];

        public void Report(BackfillProgress value) => All.Add(value);
    }
}
