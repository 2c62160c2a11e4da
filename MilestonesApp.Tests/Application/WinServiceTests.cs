using Microsoft.EntityFrameworkCore;
using MilestonesApp.Application.Wins;
using MilestonesApp.Engine;
using MilestonesApp.Tests.Shared;

namespace MilestonesApp.Tests.Application;

public sealed class WinServiceTests
{
    private const string User = "user-1";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_first_win_is_stored_and_celebrated_as_first_win()
    {
        await using var host = await ApplicationHost.StartAsync();
        var wins = host.Get<WinService>();

        var celebrate = await wins.LogAsync(User, "  Shipped the release  ", Guid.NewGuid(), Ct);

        Assert.Equal(["first_win"], celebrate.Select(a => a.Code));
        var recent = Assert.Single(await wins.RecentAsync(User, 10, Ct));
        Assert.Equal("Shipped the release", recent.Text);
        Assert.Equal(EngineHost.Now, recent.LoggedAt);
    }

    [Fact]
    public async Task The_same_submission_twice_stores_one_win_and_celebrates_once()
    {
        await using var host = await ApplicationHost.StartAsync();
        var wins = host.Get<WinService>();
        var submission = Guid.NewGuid();

        var first = await wins.LogAsync(User, "Called an old friend", submission, Ct);
        host.Clock.Advance(TimeSpan.FromSeconds(1));
        var second = await wins.LogAsync(User, "Called an old friend", submission, Ct);

        Assert.Single(first);
        Assert.Empty(second);
        Assert.Single(await wins.RecentAsync(User, 10, Ct));
        Assert.Equal(1, await host.CountEventsAsync(User, EventTypes.WinLogged));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task An_empty_win_is_refused_and_nothing_is_recorded(string text)
    {
        await using var host = await ApplicationHost.StartAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => host.Get<WinService>().LogAsync(User, text, Guid.NewGuid(), Ct));

        Assert.Equal(0, await host.CountEventsAsync(User, EventTypes.WinLogged));
    }

    [Fact]
    public async Task A_win_of_281_characters_is_refused_and_one_of_280_is_kept_whole()
    {
        await using var host = await ApplicationHost.StartAsync();
        var wins = host.Get<WinService>();

        await Assert.ThrowsAsync<ArgumentException>(() => wins.LogAsync(User, new string('a', 281), Guid.NewGuid(), Ct));
        await wins.LogAsync(User, new string('b', 280), Guid.NewGuid(), Ct);

        Assert.Equal(280, Assert.Single(await wins.RecentAsync(User, 10, Ct)).Text.Length);
    }

    [Fact]
    public async Task Recent_wins_are_the_newest_first_and_only_the_persons_own()
    {
        await using var host = await ApplicationHost.StartAsync();
        var wins = host.Get<WinService>();
        foreach (var text in new[] { "one", "two", "three" })
        {
            await wins.LogAsync(User, text, Guid.NewGuid(), Ct);
            host.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        await wins.LogAsync("someone-else", "not mine", Guid.NewGuid(), Ct);

        Assert.Equal(["three", "two"], (await wins.RecentAsync(User, 2, Ct)).Select(w => w.Text));
    }

    [Fact]
    public async Task A_win_row_points_at_its_engine_event()
    {
        await using var host = await ApplicationHost.StartAsync();

        await host.Get<WinService>().LogAsync(User, "Finished the book", Guid.NewGuid(), Ct);

        var linked = await host.QueryAsync((db, cancellationToken) => db.Wins.Join(db.Events, w => w.EventId, e => e.Id, (w, e) => e.EventType).ToListAsync(cancellationToken));
        Assert.Equal([EventTypes.WinLogged], linked);
    }
}
