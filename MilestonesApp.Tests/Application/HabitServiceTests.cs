using Microsoft.EntityFrameworkCore;
using MilestonesApp.Application.Habits;
using MilestonesApp.Application.Visits;
using MilestonesApp.Engine;
using MilestonesApp.Tests.Shared;

namespace MilestonesApp.Tests.Application;

public sealed class HabitServiceTests
{
    private const string User = "user-1";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_second_completion_the_same_day_changes_nothing()
    {
        await using var host = await ApplicationHost.StartAsync();
        var habits = host.Get<HabitService>();
        var walk = await habits.CreateAsync(User, "Walk", Ct);

        var first = await habits.CompleteTodayAsync(User, walk, Ct);
        host.Clock.Advance(TimeSpan.FromHours(3));
        var second = await habits.CompleteTodayAsync(User, walk, Ct);

        Assert.False(first.AlreadyDone);
        Assert.Equal(["first_habit"], first.Celebrate.Select(a => a.Code));
        Assert.True(second.AlreadyDone);
        Assert.Empty(second.Celebrate);
        Assert.Equal(1, await host.CountEventsAsync(User, EventTypes.HabitCompleted));
        Assert.True(Assert.Single(await habits.ListTodayAsync(User, Ct)).DoneToday);
    }

    [Fact]
    public async Task The_next_day_the_habit_can_be_done_again()
    {
        await using var host = await ApplicationHost.StartAsync();
        var habits = host.Get<HabitService>();
        var walk = await habits.CreateAsync(User, "Walk", Ct);
        await habits.CompleteTodayAsync(User, walk, Ct);

        host.Clock.Advance(TimeSpan.FromDays(1));

        Assert.False(Assert.Single(await habits.ListTodayAsync(User, Ct)).DoneToday);
        Assert.False((await habits.CompleteTodayAsync(User, walk, Ct)).AlreadyDone);
        Assert.Equal(2, await host.CountEventsAsync(User, EventTypes.HabitCompleted));
    }

    [Fact]
    public async Task The_day_is_the_persons_own_time_zone()
    {
        await using var host = await ApplicationHost.StartAsync();
        var habits = host.Get<HabitService>();
        await host.Get<VisitService>().OpenAppAsync(User, "America/Los_Angeles", Ct);
        var walk = await habits.CreateAsync(User, "Walk", Ct);
        await habits.CompleteTodayAsync(User, walk, Ct);

        // Midnight UTC starts 2 June in UTC, but it is still the afternoon of 1 June in Los Angeles.
        host.Clock.Advance(TimeSpan.FromHours(12));
        var sameDayThere = await habits.CompleteTodayAsync(User, walk, Ct);
        host.Clock.Advance(TimeSpan.FromHours(7));
        var nextDayThere = await habits.CompleteTodayAsync(User, walk, Ct);

        Assert.True(sameDayThere.AlreadyDone);
        Assert.False(nextDayThere.AlreadyDone);
        var keys = await host.QueryAsync((db, cancellationToken) =>
            db.Events.Where(e => e.EventType == EventTypes.HabitCompleted).OrderBy(e => e.Id).Select(e => e.IdempotencyKey).ToListAsync(cancellationToken));
        Assert.Equal([$"habit:{walk}:2026-06-01", $"habit:{walk}:2026-06-02"], keys);
    }

    [Fact]
    public async Task Archiving_takes_a_habit_off_the_list_and_keeps_its_completions()
    {
        await using var host = await ApplicationHost.StartAsync();
        var habits = host.Get<HabitService>();
        var walk = await habits.CreateAsync(User, "Walk", Ct);
        var read = await habits.CreateAsync(User, "Read", Ct);
        await habits.CompleteTodayAsync(User, walk, Ct);

        await habits.ArchiveAsync(User, walk, Ct);

        Assert.Equal([read], (await habits.ListTodayAsync(User, Ct)).Select(h => h.Id));
        Assert.Equal(1, await host.CountEventsAsync(User, EventTypes.HabitCompleted));
        await Assert.ThrowsAsync<InvalidOperationException>(() => habits.CompleteTodayAsync(User, walk, Ct));
    }

    [Fact]
    public async Task Renaming_changes_the_name_for_its_owner_only()
    {
        await using var host = await ApplicationHost.StartAsync();
        var habits = host.Get<HabitService>();
        var walk = await habits.CreateAsync(User, "Walk", Ct);

        await habits.RenameAsync(User, walk, "  Evening walk ", Ct);
        await habits.RenameAsync("someone-else", walk, "Stolen", Ct);

        Assert.Equal("Evening walk", Assert.Single(await habits.ListTodayAsync(User, Ct)).Name);
    }

    [Fact]
    public async Task A_name_longer_than_80_characters_is_refused()
    {
        await using var host = await ApplicationHost.StartAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => host.Get<HabitService>().CreateAsync(User, new string('x', 81), Ct));

        Assert.Empty(await host.Get<HabitService>().ListTodayAsync(User, Ct));
    }
}
