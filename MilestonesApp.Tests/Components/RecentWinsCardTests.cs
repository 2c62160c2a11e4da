using Bunit;
using MilestonesApp.Application.Wins;
using MilestonesApp.Components.Pages;
using MilestonesApp.Components.Pages.Today;
using MilestonesApp.Tests.Shared;

namespace MilestonesApp.Tests.Components;

/// <summary>The recent wins card says why the milestones can count more wins than it lists; an unknown page looks like access denied.</summary>
public sealed class RecentWinsCardTests : AppComponentTestContext
{
    private static readonly WinEntry Written = new(1, "Finished the draft", new DateTimeOffset(2026, 12, 5, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Wins_recorded_elsewhere_are_told_beside_the_list()
    {
        var card = Render<RecentWinsCard>(parameters => parameters.Add(c => c.Wins, [Written]).Add(c => c.Total, 3));

        Assert.Equal(
            "3 wins in all count toward your milestones, including any logged from another app; below are the latest you wrote here.",
            card.Find("[data-testid=wins-total]").TextContent);
    }

    [Fact]
    public void A_list_holding_every_win_needs_no_word_about_the_total()
    {
        var card = Render<RecentWinsCard>(parameters => parameters.Add(c => c.Wins, [Written]).Add(c => c.Total, 1));

        Assert.Empty(card.FindAll("[data-testid=wins-total]"));
    }

    [Fact]
    public void Page_not_found_uses_the_same_card_as_access_denied()
    {
        var page = Render<NotFound>();

        Assert.NotNull(page.Find(".account-card h1"));
    }
}
