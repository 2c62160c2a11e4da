using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MilestonesApp.Application.Receipts;
using MilestonesApp.Celebrations;
using MilestonesApp.Tests.Shared;
using static MilestonesApp.Tests.Shared.TestAwards;

namespace MilestonesApp.Tests.Components.Celebrations;

/// <summary>The "what's next" line under a celebration: how far the nearest milestone ahead is, in the card's language.</summary>
public sealed class CelebrationNextStepTests : AppComponentTestContext
{
    private CelebrationQueue Queue => Services.GetRequiredService<CelebrationQueue>();

    [Fact]
    public void A_card_says_how_many_are_still_missing_for_the_next_milestone()
    {
        var overlay = Render<CelebrationOverlay>();

        Queue.Enqueue([new MilestoneCelebration(Award("first_win")) { Next = new NextStep("wins_10", "Ten wins", "🏅", 3) }]);

        overlay.WaitForAssertion(() => Assert.Equal("Next: Ten wins — 3 to go", overlay.Find("[data-testid=celebration-next]").TextContent.Trim()));
    }

    [Fact]
    public void A_return_is_next_any_time_never_behind()
    {
        var overlay = Render<CelebrationOverlay>();

        Queue.Enqueue([new MilestoneCelebration(Award("first_win")) { Next = new NextStep("welcome_back_14", "Welcome back", "🌤️", null) }]);

        overlay.WaitForAssertion(() => Assert.Equal("Next: Welcome back — any time", overlay.Find("[data-testid=celebration-next]").TextContent.Trim()));
    }

    [Theory]
    [InlineData("es", "Siguiente: Diez logros — faltan 1")]
    [InlineData("de", "Als Nächstes: Zehn Erfolge — noch 1")]
    public void The_line_follows_the_card_s_language(string culture, string expected)
    {
        var overlay = Render<CelebrationOverlay>();

        Queue.Enqueue([new MilestoneCelebration(Award("first_win"))
        {
            Culture = CultureInfo.GetCultureInfo(culture),
            Next = new NextStep("wins_10", culture == "es" ? "Diez logros" : "Zehn Erfolge", "🏅", 1),
        }]);

        overlay.WaitForAssertion(() => Assert.Equal(expected, overlay.Find("[data-testid=celebration-next]").TextContent.Trim()));
    }

    [Fact]
    public void Without_a_known_next_step_the_card_shows_no_line()
    {
        var overlay = Render<CelebrationOverlay>();

        Queue.Enqueue([Award("first_win")]);

        overlay.WaitForAssertion(() => Assert.NotEmpty(overlay.FindAll("[data-testid=celebration-card]")));
        Assert.Empty(overlay.FindAll("[data-testid=celebration-next]"));
    }
}
