using Microsoft.Extensions.DependencyInjection;
using MilestonesApp.Data;
using MilestonesApp.Engine;
using MilestonesApp.Tests.Shared;

namespace MilestonesApp.Tests.Engine;

public sealed class AllOfRuleTests
{
    private const string User = "user-1";
    private static readonly DateTimeOffset Start = EngineHost.Now.AddDays(-30);

    private static readonly MilestoneDefinition FirstWin = TestMilestones.Count("test_first_win", StatsCounters.TotalWins, 1);
    private static readonly MilestoneDefinition TwoWins = TestMilestones.Count("test_wins_2", StatsCounters.TotalWins, 2);
    private static readonly MilestoneDefinition FirstHabit = TestMilestones.Count("test_first_habit", StatsCounters.TotalHabitsCompleted, 1);

    [Theory, OnEachProvider]
    public async Task Without_a_count_it_needs_all_and_names_the_last_ones_receipt_in_that_awards_transaction(DatabaseProvider provider)
    {
        await using var host = await StartWithAsync(provider, TestMilestones.AllOf("test_both", [FirstWin.Code, FirstHabit.Code]));

        var win = await host.RecordAsync(User, EventTypes.WinLogged, Start);
        await host.AssertNotAwardedAsync(User, "test_both", win);

        var habit = await host.RecordAsync(User, EventTypes.HabitCompleted, Start.AddDays(1));

        await host.AssertAwardedAsync(User, "test_both", awardedBy: habit, achievedBy: habit, Start.AddDays(1));
        Assert.Equal(["test_first_habit", "test_both"], habit.NewlyAwarded.Select(award => award.Code));
    }

    [Theory, OnEachProvider]
    public async Task With_a_count_it_names_the_count_th_earliest_receipt_and_can_list_another_all_of(DatabaseProvider provider)
    {
        await using var host = await StartWithAsync(provider,
            TestMilestones.AllOf("test_two_of_three", [FirstWin.Code, TwoWins.Code, FirstHabit.Code], count: 2),
            TestMilestones.AllOf("test_then_a_habit", ["test_two_of_three", FirstHabit.Code]));

        await host.RecordAsync(User, EventTypes.HabitCompleted, Start);
        var win = await host.RecordAsync(User, EventTypes.WinLogged, Start.AddDays(1));
        await host.RecordAsync(User, EventTypes.WinLogged, Start.AddDays(2));

        await host.AssertAwardedAsync(User, "test_two_of_three", awardedBy: win, achievedBy: win, Start.AddDays(1));
        await host.AssertAwardedAsync(User, "test_then_a_habit", awardedBy: win, achievedBy: win, Start.AddDays(1));
    }

    [Theory, OnEachProvider]
    public async Task A_late_event_moving_a_listed_receipt_earlier_moves_its_receipt_earlier_never_revoking_it(DatabaseProvider provider)
    {
        await using var host = await StartWithAsync(provider, TestMilestones.AllOf("test_both", [TwoWins.Code, FirstHabit.Code]));
        await host.RecordAsync(User, EventTypes.HabitCompleted, Start);
        await host.RecordAsync(User, EventTypes.WinLogged, Start.AddDays(5));
        var second = await host.RecordAsync(User, EventTypes.WinLogged, Start.AddDays(6));
        await host.AssertAwardedAsync(User, "test_both", awardedBy: second, achievedBy: second, Start.AddDays(6));

        var late = await host.RecordAsync(User, EventTypes.WinLogged, Start.AddDays(1));

        var award = await host.AwardOfAsync(User, "test_both");
        Assert.Equal((Start.AddDays(5), second.EventId - 1), (award!.AchievedAt, award.EventId!.Value));
        Assert.Equal(second.EventId, award.AwardedByEventId);
        Assert.Empty(late.NewlyAwarded);
    }

    [Theory, OnEachProvider]
    public async Task A_login_catches_up_on_one_saved_after_its_milestones_were_held(DatabaseProvider provider)
    {
        await using var host = await StartWithAsync(provider);
        var win = await host.RecordAsync(User, EventTypes.WinLogged, Start);
        await host.RecordAsync(User, EventTypes.HabitCompleted, Start.AddDays(1));
        await host.SaveMilestonesAsync(TestMilestones.AllOf("test_both", [FirstWin.Code, FirstHabit.Code], count: 1));

        var login = await host.RecordAsync(User, EventTypes.UserLoggedIn, Start.AddDays(2));

        await host.AssertAwardedAsync(User, "test_both", awardedBy: login, achievedBy: win, Start);
    }

    [Theory, OnEachProvider]
    public async Task A_backfill_of_a_listed_milestone_awards_it_in_the_batchs_transaction(DatabaseProvider provider)
    {
        await using var host = await EngineHost.StartAsync(provider);
        await host.KeepOnlyMilestonesAsync(FirstWin, FirstHabit with { IsActive = false }, TestMilestones.AllOf("test_both", [FirstWin.Code, FirstHabit.Code]));
        await host.RecordAsync("a", EventTypes.WinLogged, Start);
        var habit = await host.RecordAsync("a", EventTypes.HabitCompleted, Start.AddDays(1));
        await host.RecordAsync("b", EventTypes.WinLogged, Start);
        await host.SaveMilestonesAsync(FirstHabit);

        await host.Services.GetRequiredService<IMilestoneBackfill>().AwardEveryoneWhoQualifiesAsync(FirstHabit.Code, cancellationToken: TestContext.Current.CancellationToken);

        var award = await host.AwardOfAsync("a", "test_both");
        Assert.Equal((habit.EventId, Start.AddDays(1), (long?)null), (award!.EventId!.Value, award.AchievedAt, award.AwardedByEventId));
        Assert.Null(await host.AwardOfAsync("b", "test_both"));
    }

    [Theory, OnEachProvider]
    public async Task Milestones_listing_each_other_in_a_circle_are_refused(DatabaseProvider provider)
    {
        await using var host = await StartWithAsync(provider,
            TestMilestones.AllOf("test_a", [FirstWin.Code]), TestMilestones.AllOf("test_b", ["test_a", FirstHabit.Code]));

        var refused = await Assert.ThrowsAsync<MilestoneValidationException>(
            () => host.Catalog.SaveAsync(TestMilestones.AllOf("test_a", [FirstWin.Code, "test_b"]), TestContext.Current.CancellationToken));

        Assert.Equal(["Milestones would list each other in a circle: test_a → test_b → test_a."], refused.Errors);
    }

    private static async Task<EngineHost> StartWithAsync(DatabaseProvider provider, params MilestoneDefinition[] allOf)
    {
        var host = await EngineHost.StartAsync(provider);
        await host.KeepOnlyMilestonesAsync([FirstWin, TwoWins, FirstHabit, .. allOf]);
        return host;
    }
}
