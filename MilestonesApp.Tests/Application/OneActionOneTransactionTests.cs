using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MilestonesApp.Application.Habits;
using MilestonesApp.Application.Wins;
using MilestonesApp.Data;
using MilestonesApp.Engine;
using MilestonesApp.Tests.Shared;

namespace MilestonesApp.Tests.Application;

/// <summary>
/// What a person does and the event it causes commit together or not at all: interrupted between the engine's rows and
/// the app's own, a write leaves neither, on both providers and inside SQLite's group commit.
/// </summary>
public sealed class OneActionOneTransactionTests
{
    private const string User = "user-1";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, OnEachProvider]
    public async Task A_logged_win_stores_its_event_and_its_text_together(DatabaseProvider provider)
    {
        await using var host = await ApplicationHost.StartAsync(provider);

        await host.Get<WinService>().LogAsync(User, "Ran 5 km", Guid.NewGuid(), Ct);

        var (events, wins) = await CountAsync(host);
        Assert.Equal((1, 1), (events, wins));
        var win = await host.QueryAsync((db, token) => db.Wins.SingleAsync(token));
        Assert.True(await host.QueryAsync((db, token) => db.Events.AnyAsync(e => e.Id == win.EventId && e.EventType == EventTypes.WinLogged, token)));
    }

    [Theory, OnEachProvider]
    public async Task A_win_whose_text_fails_after_its_event_leaves_neither_the_event_nor_the_win(DatabaseProvider provider)
    {
        await using var host = await ApplicationHost.StartAsync(provider);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => host.Get<AppWritePath>().RecordAsync(
            FirstWin("win-1"),
            async (db, eventId, token) =>
            {
                await InsertWinAsync(db, eventId, token);
                throw new InvalidOperationException("the app failed after writing its row");
            },
            Ct));

        Assert.Equal("the app failed after writing its row", error.Message);
        Assert.Equal((0, 0), await CountAsync(host));
        var rows = await host.CountRowsAsync();
        Assert.Equal((0, 0), (rows.UserStats, rows.Awards));
    }

    [Theory, OnEachProvider]
    public async Task A_win_cancelled_between_its_event_and_its_text_leaves_neither(DatabaseProvider provider)
    {
        await using var host = await ApplicationHost.StartAsync(provider);
        using var giveUp = CancellationTokenSource.CreateLinkedTokenSource(Ct);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => host.Get<AppWritePath>().RecordAsync(
            FirstWin("win-1"),
            async (db, eventId, token) =>
            {
                // The event and its stats are written; the caller gives up before the win's row is.
                await giveUp.CancelAsync();
                token.ThrowIfCancellationRequested();
                await InsertWinAsync(db, eventId, token);
            },
            giveUp.Token));

        Assert.Equal((0, 0), await CountAsync(host));
        Assert.Null(await host.StatsOfAsync(User));
    }

    [Theory, OnEachProvider]
    public async Task Completing_a_habit_archived_meanwhile_records_no_event(DatabaseProvider provider)
    {
        await using var host = await ApplicationHost.StartAsync(provider);
        var habits = host.Get<HabitService>();
        var habitId = await habits.CreateAsync(User, "Read", Ct);
        await habits.ArchiveAsync(User, habitId, Ct);

        await Assert.ThrowsAsync<InvalidOperationException>(() => habits.CompleteTodayAsync(User, habitId, Ct));

        Assert.Equal(0, await host.CountEventsAsync(User, EventTypes.HabitCompleted));
        Assert.Null(await host.StatsOfAsync(User));
    }

    [Fact]
    public async Task In_a_shared_group_commit_a_failing_action_rolls_back_alone_and_the_others_keep_both_rows()
    {
        await using var host = await ApplicationHost.StartAsync();
        var writes = host.Get<AppWritePath>();

        Task<EngineResult> before, failing, after;
        using (await host.Services.GetRequiredService<DatabaseWriteGate>().EnterAsync(Ct))
        {
            before = writes.RecordAsync(FirstWin("before", "user-a"), InsertWinAsync, Ct);
            failing = writes.RecordAsync(FirstWin("failing", "user-b"), async (db, eventId, token) =>
            {
                await InsertWinAsync(db, eventId, token);
                throw new InvalidOperationException("fails after writing");
            }, Ct);
            after = writes.RecordAsync(FirstWin("after", "user-c"), InsertWinAsync, Ct);
        }

        await Assert.ThrowsAsync<InvalidOperationException>(() => failing);
        await Task.WhenAll(before, after);
        var users = await host.QueryAsync((db, token) => db.Wins.Select(w => w.UserId).OrderBy(u => u).ToListAsync(token));
        Assert.Equal(["user-a", "user-c"], users);
        Assert.Equal((2, 2), await CountAsync(host));
    }

    private static DomainEvent FirstWin(string key, string userId = User) =>
        new(userId, EventTypes.WinLogged, EngineHost.Now, IdempotencyKey: key);

    private static Task InsertWinAsync(AppDbContext db, long eventId, CancellationToken token) =>
        db.Database.ExecuteSqlAsync($"""
            INSERT INTO wins (user_id, text, logged_at, event_id)
            SELECT user_id, 'a win', occurred_at, id FROM events WHERE id = {eventId}
            """, token);

    private static async Task<(int Events, int Wins)> CountAsync(EngineHost host) => await host.QueryAsync(async (db, token) =>
        (await db.Events.CountAsync(token), await db.Wins.CountAsync(token)));
}
