using CsCheck;
using MilestonesApp.Data;
using MilestonesApp.Engine;
using MilestonesApp.Tests.Shared;
using static MilestonesApp.Tests.Engine.ReferenceModel;

namespace MilestonesApp.Tests.Engine;

public sealed class ReplayPropertyTests
{
    // Steps sit on and beside the rule edges below (1 and 2 days, gaps of 2 and 3 days) and repeat instants (zero).
    private static readonly TimeSpan[] Steps =
    [
        TimeSpan.Zero, TimeSpan.FromMilliseconds(1), TimeSpan.FromHours(1), TimeSpan.FromHours(23),
        TimeSpan.FromDays(1), TimeSpan.FromDays(1).Add(TimeSpan.FromMilliseconds(1)), TimeSpan.FromDays(2), TimeSpan.FromDays(3),
        TimeSpan.FromDays(15), TimeSpan.FromDays(61),
    ];

    // Small thresholds so that short logs reach them, with triggers that differ from the counted event.
    private static readonly MilestoneDefinition[] Catalog =
    [
        TestMilestones.Count("prop_wins_2", StatsCounters.TotalWins, 2),
        TestMilestones.Count("prop_logins_3_on_habit", StatsCounters.LoginCount, 3, trigger: EventTypes.HabitCompleted),
        TestMilestones.WindowCount("prop_habits_3_in_2", EventTypes.HabitCompleted, count: 3, windowDays: 2),
        TestMilestones.WindowCount("prop_wins_2_in_1_on_login", EventTypes.WinLogged, count: 2, windowDays: 1, trigger: EventTypes.UserLoggedIn),
        TestMilestones.WindowCount("prop_habits_2_in_1_on_win", EventTypes.HabitCompleted, count: 2, windowDays: 1, trigger: EventTypes.WinLogged),
        TestMilestones.ReturnAfterGap("prop_back_after_2", gapDays: 2),
        TestMilestones.ReturnAfterGap("prop_back_after_3", gapDays: 3),
        TestMilestones.Count("prop_inactive", StatsCounters.TotalWins, 1) with { IsActive = false },
    ];

    private static readonly Gen<(string EventType, TimeSpan Step)[]> Logs =
        Gen.Select(Gen.OneOf([.. EventTypes.All]), Gen.OneOf(Steps)).Array[0, 20];

    [Theory, OnEachProvider]
    public async Task Real_time_awards_equal_a_fresh_evaluation_of_the_whole_log_and_stats_equal_its_fold(DatabaseProvider provider)
    {
        await using var host = await EngineHost.StartAsync(provider);
        await host.SaveMilestonesAsync(Catalog);
        var active = (await host.Catalog.ListAsync(TestContext.Current.CancellationToken)).Where(m => m.IsActive).ToList();
        var origin = EngineHost.Now.AddYears(-5);

        await Logs.SampleAsync(async steps =>
        {
            var user = Guid.NewGuid().ToString("N");
            var log = new List<LoggedEvent>();
            var reported = new List<(int Event, string Code)>();
            var at = origin;
            foreach (var (eventType, step) in steps)
            {
                at += step;
                log.Add(new LoggedEvent(eventType, at));
                var result = await host.RecordAsync(user, eventType, at);
                reported.AddRange(result.NewlyAwarded.Select(award => (log.Count - 1, award.Code)));
            }

            var expected = Awards(active, log);
            var stored = await host.AwardsOfAsync(user);
            Assert.Equal(
                expected.Select(award => (award.Code, award.AchievedAt)).Order(),
                stored.Select(award => (award.Milestone!.Code, award.AchievedAt)).Order());
            Assert.Equal(expected.Select(award => (award.AwardedAtEvent, award.Code)).Order(), reported.Order());

            var stats = await host.StatsOfAsync(user);
            Assert.Equal(
                Stats(log),
                stats is null ? null : new ExpectedStats(stats.LoginCount, stats.TotalWins, stats.TotalHabitsCompleted, stats.LastLoginAt, stats.LastActivityAt));
        }, iter: 150);
    }
}
