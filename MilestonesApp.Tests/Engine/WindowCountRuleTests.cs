using MilestonesApp.Data;
using MilestonesApp.Engine;
using MilestonesApp.Tests.Shared;

namespace MilestonesApp.Tests.Engine;

public sealed class WindowCountRuleTests
{
    private const string Code = "test_habits_3_in_2";
    private const string User = "user-1";
    private static readonly DateTimeOffset Start = EngineHost.Now.AddDays(-30);

    [Theory, OnEachProvider]
    public async Task Count_events_exactly_window_days_apart_award_it_with_the_last_one(DatabaseProvider provider)
    {
        await using var host = await StartWithMilestoneAsync(provider);

        await host.RecordAsync(User, EventTypes.HabitCompleted, Start);
        await host.RecordAsync(User, EventTypes.HabitCompleted, Start.AddDays(1));
        var last = await host.RecordAsync(User, EventTypes.HabitCompleted, Start.AddDays(2));

        await host.AssertAwardedAsync(User, Code, awardedBy: last, achievedBy: last, Start.AddDays(2));
    }

    [Theory, OnEachProvider]
    public async Task Count_events_one_millisecond_wider_than_the_window_award_nothing(DatabaseProvider provider)
    {
        await using var host = await StartWithMilestoneAsync(provider);

        await host.RecordAsync(User, EventTypes.HabitCompleted, Start);
        await host.RecordAsync(User, EventTypes.HabitCompleted, Start.AddDays(1));
        var last = await host.RecordAsync(User, EventTypes.HabitCompleted, Start.AddDays(2).AddMilliseconds(1));

        await host.AssertNotAwardedAsync(User, Code, last);
    }

    [Theory, OnEachProvider]
    public async Task One_event_below_the_count_awards_nothing(DatabaseProvider provider)
    {
        await using var host = await StartWithMilestoneAsync(provider);

        var first = await host.RecordAsync(User, EventTypes.HabitCompleted, Start);
        var second = await host.RecordAsync(User, EventTypes.HabitCompleted, Start.AddMinutes(1));

        await host.AssertNotAwardedAsync(User, Code, first, second);
    }

    [Theory, OnEachProvider]
    public async Task Events_that_left_the_window_do_not_count_but_a_later_full_window_does(DatabaseProvider provider)
    {
        await using var host = await StartWithMilestoneAsync(provider);

        await host.RecordAsync(User, EventTypes.HabitCompleted, Start);
        await host.RecordAsync(User, EventTypes.HabitCompleted, Start.AddDays(3));
        var third = await host.RecordAsync(User, EventTypes.HabitCompleted, Start.AddDays(4));
        var fourth = await host.RecordAsync(User, EventTypes.HabitCompleted, Start.AddDays(5));

        Assert.DoesNotContain(third.NewlyAwarded, award => award.Code == Code);
        await host.AssertAwardedAsync(User, Code, awardedBy: fourth, achievedBy: fourth, Start.AddDays(5));
    }

    [Theory, OnEachProvider]
    public async Task Events_of_other_types_in_the_window_do_not_count(DatabaseProvider provider)
    {
        await using var host = await StartWithMilestoneAsync(provider);

        await host.RecordAsync(User, EventTypes.HabitCompleted, Start);
        var win = await host.RecordAsync(User, EventTypes.WinLogged, Start.AddHours(1));
        var habit = await host.RecordAsync(User, EventTypes.HabitCompleted, Start.AddHours(2));
        var login = await host.RecordAsync(User, EventTypes.UserLoggedIn, Start.AddHours(3));

        await host.AssertNotAwardedAsync(User, Code, win, habit, login);
    }

    private static async Task<EngineHost> StartWithMilestoneAsync(DatabaseProvider provider)
    {
        var host = await EngineHost.StartAsync(provider);
        await host.SaveMilestonesAsync(TestMilestones.WindowCount(Code, EventTypes.HabitCompleted, count: 3, windowDays: 2));
        return host;
    }
}
