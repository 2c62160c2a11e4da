using System.Security.Claims;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MilestonesApp.Application.Awards;
using MilestonesApp.Celebrations;
using MilestonesApp.Engine;
using MilestonesApp.Tests.Shared;

namespace MilestonesApp.Tests.Components.Celebrations;

/// <summary>Open tabs hear of awards made elsewhere and celebrate each once, whichever tab claims it first.</summary>
public sealed class LiveCelebrationsTests : AppComponentTestContext
{
    private const string User = "ana";

    [Fact]
    public async Task An_award_made_elsewhere_is_celebrated_in_an_open_tab_without_reloading()
    {
        await using var host = await ApplicationHost.StartAsync();
        var overlay = Open(this, host, User);

        await host.RecordAsync(User, EventTypes.WinLogged, EngineHost.Now, "api-win-1");

        overlay.WaitForAssertion(() => Assert.Equal("First win", overlay.Find("[data-testid=celebration-title]").TextContent));
    }

    [Fact]
    public async Task Of_two_open_tabs_only_one_celebrates_an_award_and_other_people_s_tabs_none()
    {
        await using var host = await ApplicationHost.StartAsync();
        using var secondTab = new Tab();
        using var someoneElse = new Tab();
        var tabs = new[] { Listen(this, host, User), Listen(secondTab, host, User) };
        var others = Open(someoneElse, host, "bo");
        var queues = new AppComponentTestContext[] { this, secondTab }.Select(tab => tab.Services.GetRequiredService<CelebrationQueue>()).ToList();

        await host.RecordAsync(User, EventTypes.WinLogged, EngineHost.Now, "api-win-1");
        // Both tabs heard of the award while it was published; only once both claims have settled can "the other tab did
        // not celebrate" be told from "the other tab has not got round to it yet".
        await Task.WhenAll(tabs.Select(tab => tab.Instance.ClaimsSettled)).WaitAsync(TimeSpan.FromSeconds(10), Xunit.TestContext.Current.CancellationToken);

        // The losing tab's claim finds the award's seen-marker taken, whenever it runs: it never celebrates the award.
        Assert.Equal(["first_win"], queues.Select(queue => (queue.Current as MilestoneCelebration)?.Award.Code).OfType<string>());
        Assert.Empty(await host.Get<AwardClaims>().ClaimUnseenAsync(User, Xunit.TestContext.Current.CancellationToken));
        Assert.Empty(Titles(others));
    }

    [Fact]
    public async Task A_closed_tab_stops_listening()
    {
        await using var host = await ApplicationHost.StartAsync();
        Open(this, host, User);

        await DisposeComponentsAsync();
        await host.RecordAsync(User, EventTypes.WinLogged, EngineHost.Now, "api-win-1");

        Assert.Equal(["first_win"], (await host.Get<AwardClaims>().ClaimUnseenAsync(User, Xunit.TestContext.Current.CancellationToken)).Select(a => a.Code));
        Assert.Null(Services.GetRequiredService<CelebrationQueue>().Current);
    }

    [Fact]
    public async Task A_go_live_s_awards_reach_an_open_tab_as_one_quiet_card_with_the_day_they_were_earned()
    {
        await using var host = await ApplicationHost.StartAsync();
        await host.KeepOnlyMilestonesAsync();
        await host.RecordAsync(User, EventTypes.HabitCompleted, EngineHost.Now.AddDays(-2), "h-1");
        await host.SaveMilestonesAsync(
            TestMilestones.Count("one_habit", StatsCounters.TotalHabitsCompleted, 1), TestMilestones.Count("two_habits", StatsCounters.TotalHabitsCompleted, 1));
        var tab = Listen(this, host, User);

        await host.Get<IMilestoneBackfill>().AwardEveryoneWhoQualifiesAsync("one_habit", cancellationToken: Xunit.TestContext.Current.CancellationToken);
        await host.Get<IMilestoneBackfill>().AwardEveryoneWhoQualifiesAsync("two_habits", cancellationToken: Xunit.TestContext.Current.CancellationToken);
        await tab.Instance.ClaimsSettled.WaitAsync(TimeSpan.FromSeconds(10), Xunit.TestContext.Current.CancellationToken);

        var queue = Services.GetRequiredService<CelebrationQueue>();
        var quiet = Assert.IsType<QuietCelebration>(queue.Current);
        Assert.All(quiet.Awards, award => Assert.Equal(EngineHost.Now.AddDays(-2), award.AchievedAt));
        // Each batch's notice is claimed on its own; never more than one card per go live, never an animation.
        var cards = new List<Celebration>();
        for (var card = queue.Current; card is not null; card = queue.Current)
        {
            cards.Add(card);
            queue.DismissCurrent();
        }

        Assert.All(cards, card => Assert.IsType<QuietCelebration>(card));
        Assert.Equal(["one_habit", "two_habits"], cards.SelectMany(card => ((QuietCelebration)card).Awards).Select(award => award.Code).Order());
    }

    /// <summary>A signed-in tab: the listener and the overlay that shows what it claims, as in the main layout.</summary>
    private static IRenderedComponent<CelebrationOverlay> Open(AppComponentTestContext tab, EngineHost host, string userId)
    {
        Listen(tab, host, userId);
        return tab.Render<CelebrationOverlay>();
    }

    /// <summary>A signed-in tab's listener alone, for tests that read its queue and wait on its claims.</summary>
    private static IRenderedComponent<LiveCelebrations> Listen(AppComponentTestContext tab, EngineHost host, string userId)
    {
        tab.Services.AddSingleton(host.Get<IAwardNotifier>());
        tab.Services.AddSingleton(host.Get<AwardClaims>());
        tab.AddAuthorization().SetAuthorized($"{userId}@example.com").SetClaims(new Claim(ClaimTypes.NameIdentifier, userId));
        return tab.Render<LiveCelebrations>();
    }

    private static IEnumerable<string> Titles(IRenderedComponent<CelebrationOverlay> overlay) =>
        overlay.FindAll("[data-testid=celebration-title]").Select(title => title.TextContent);

    /// <summary>Another browser tab: a circuit of its own, with its own celebration queue.</summary>
    private sealed class Tab : AppComponentTestContext;
}
