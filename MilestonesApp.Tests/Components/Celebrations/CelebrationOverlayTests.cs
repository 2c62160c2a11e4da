using System.Globalization;
using System.Text.Json.Nodes;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.JSInterop;
using MilestonesApp.Celebrations;
using MilestonesApp.Engine;
using MilestonesApp.Tests.Shared;
using static MilestonesApp.Tests.Shared.TestAwards;

namespace MilestonesApp.Tests.Components.Celebrations;

public sealed class CelebrationOverlayTests : AppComponentTestContext
{
    private static readonly Dictionary<AnimationKind, (Type Renderer, string? Data)> Renderers = new()
    {
        [AnimationKind.Confetti] = (typeof(ConfettiRenderer), null),
        [AnimationKind.Webm] = (typeof(WebmRenderer), "media/trophy.webm"),
        [AnimationKind.None] = (typeof(NoAnimationRenderer), null),
    };

    private static readonly Type[] AllRenderers = [.. Renderers.Values.Select(entry => entry.Renderer)];

    private CelebrationQueue Queue => Services.GetRequiredService<CelebrationQueue>();

    public static TheoryData<AnimationKind> AnimationKinds => [.. Enum.GetValues<AnimationKind>()];

    [Theory]
    [MemberData(nameof(AnimationKinds))]
    public void Each_animation_kind_is_played_by_its_own_renderer(AnimationKind kind)
    {
        Assert.True(Renderers.TryGetValue(kind, out var expected), $"{kind} has no renderer in this test");
        var overlay = Render<CelebrationOverlay>();

        Queue.Enqueue([Award("first_win", kind, expected.Data)]);

        overlay.WaitForAssertion(() => Assert.Single(overlay.FindComponents<IComponent>(), IsRenderer));
        Assert.Contains(overlay.FindComponents<IComponent>(), component => component.Instance.GetType() == expected.Renderer);
    }

    [Fact]
    public void Confetti_fires_the_module_with_the_milestones_options()
    {
        const string options = """{"particleCount":200,"spread":100,"colors":["#ffd700","#ffffff"]}""";
        Queue.Enqueue([Award("wins_50", AnimationKind.Confetti, options)]);

        var overlay = Render<CelebrationOverlay>();

        overlay.WaitForAssertion(() => CelebrationsModule.VerifyInvoke("fireConfetti"));
        var burst = CelebrationsModule.VerifyInvoke("fireConfetti");
        Assert.Equal(options, Assert.IsType<JsonObject>(Assert.Single(burst.Arguments)).ToJsonString());
        Assert.Equal("Title of wins_50", overlay.Find("[data-testid=celebration-title]").TextContent);
    }

    [Fact]
    public void Confetti_without_options_fires_with_the_modules_defaults()
    {
        Queue.Enqueue([Award("first_win")]);

        Render<CelebrationOverlay>();

        var burst = CelebrationsModule.VerifyInvoke("fireConfetti");
        Assert.Null(Assert.Single(burst.Arguments));
    }

    [Fact]
    public void Webm_plays_its_video_muted_and_inline_without_confetti()
    {
        Queue.Enqueue([Award("wins_10", AnimationKind.Webm, "media/trophy.webm")]);

        var overlay = Render<CelebrationOverlay>();

        var video = overlay.WaitForElement("[data-testid=celebration-video]");
        Assert.Equal("media/trophy.webm", video.GetAttribute("src"));
        Assert.True(video.HasAttribute("muted"));
        Assert.True(video.HasAttribute("playsinline"));
        CelebrationsModule.VerifyInvoke("playMuted");
        CelebrationsModule.VerifyNotInvoke("fireConfetti");
    }

    [Fact]
    public void None_shows_the_card_only()
    {
        Queue.Enqueue([Award("quiet", AnimationKind.None)]);

        var overlay = Render<CelebrationOverlay>();

        overlay.WaitForAssertion(() => Assert.Single(overlay.FindComponents<NoAnimationRenderer>()));
        Assert.Equal("Title of quiet", overlay.Find("[data-testid=celebration-title]").TextContent);
        Assert.Empty(overlay.FindAll("video"));
        CelebrationsModule.VerifyNotInvoke("fireConfetti");
    }

    [Fact]
    public void Awards_arriving_together_play_one_after_another_as_each_is_dismissed()
    {
        var overlay = Render<CelebrationOverlay>();

        Queue.Enqueue([Award("first"), Award("second"), Award("third")]);

        foreach (var (code, bursts) in new[] { ("first", 1), ("second", 2), ("third", 3) })
        {
            overlay.WaitForAssertion(() =>
            {
                Assert.Equal($"Title of {code}", overlay.Find("[data-testid=celebration-title]").TextContent);
                CelebrationsModule.VerifyInvoke("fireConfetti", bursts);
            });
            overlay.Find("[data-testid=celebration-dismiss]").Click();
        }

        overlay.WaitForAssertion(() => Assert.Empty(overlay.FindAll("[data-testid=celebration-card]")));
    }

    [Fact]
    public void More_than_three_awards_become_one_grouped_card_with_one_burst()
    {
        var overlay = Render<CelebrationOverlay>();

        Queue.Enqueue(Awards(5));

        overlay.WaitForAssertion(() => CelebrationsModule.VerifyInvoke("fireConfetti"));
        Assert.Equal("5 new milestones", overlay.Find("[data-testid=celebration-title]").TextContent);
        Assert.Equal(5, overlay.FindAll(".celebration-awards li").Count);

        overlay.Find("[data-testid=celebration-dismiss]").Click();

        Assert.Empty(overlay.FindAll("[data-testid=celebration-card]"));
        CelebrationsModule.VerifyInvoke("fireConfetti", calledTimes: 1);
    }

    [Fact]
    public void Onboarding_ends_with_the_welcome_card_and_confetti()
    {
        var overlay = Render<CelebrationOverlay>();

        Queue.EnqueueOnboarding();

        overlay.WaitForAssertion(() => CelebrationsModule.VerifyInvoke("fireConfetti"));
        Assert.Equal("Welcome aboard!", overlay.Find("[data-testid=celebration-title]").TextContent);
    }

    [Fact]
    public void Reduced_motion_shows_cards_without_confetti_or_video()
    {
        CelebrationsModule.Setup<bool>("prefersReducedMotion").SetResult(true);
        Queue.Enqueue([Award("first_win"), Award("wins_10", AnimationKind.Webm, "media/trophy.webm")]);

        var overlay = Render<CelebrationOverlay>();

        overlay.WaitForAssertion(() => Assert.Single(overlay.FindComponents<NoAnimationRenderer>()));
        Assert.Equal("Title of first_win", overlay.Find("[data-testid=celebration-title]").TextContent);

        overlay.Find("[data-testid=celebration-dismiss]").Click();

        overlay.WaitForAssertion(() => Assert.Equal("Title of wins_10", overlay.Find("[data-testid=celebration-title]").TextContent));
        Assert.Single(overlay.FindComponents<NoAnimationRenderer>());
        Assert.Empty(overlay.FindAll("video"));
        CelebrationsModule.VerifyNotInvoke("fireConfetti");
        CelebrationsModule.VerifyNotInvoke("playMuted");
    }

    [Fact]
    public void Awards_made_while_away_show_as_one_quiet_card_with_the_day_each_was_earned()
    {
        var earned = new DateTimeOffset(2026, 1, 15, 8, 0, 0, TimeSpan.Zero);
        Queue.Enqueue([.. Awards(5).Select(award => award with { WhileAway = true, AchievedAt = earned })]);

        var overlay = Render<CelebrationOverlay>();

        overlay.WaitForAssertion(() => Assert.Single(overlay.FindComponents<NoAnimationRenderer>()));
        Assert.Single(overlay.FindAll("[data-testid=celebration-card]"));
        Assert.Equal("Added while you were away", Title(overlay));
        Assert.Contains("celebration-quiet", overlay.Find(".celebration-toast").ClassList);
        var lines = overlay.FindAll("[data-testid=celebration-while-away] li");
        Assert.Equal(5, lines.Count);
        Assert.All(lines, line => Assert.Contains("earned " + earned.ToString("d", CultureInfo.CurrentCulture), line.TextContent));
        CelebrationsModule.VerifyNotInvoke("fireConfetti");
    }

    [Fact]
    public void Without_the_module_cards_still_appear_without_animation()
    {
        JSInterop.AddInvocationHandler(new FailingImport(CelebrationOverlay.ModulePath));
        Queue.Enqueue([Award("first_win")]);

        var overlay = Render<CelebrationOverlay>();

        overlay.WaitForAssertion(() => Assert.Single(overlay.FindComponents<NoAnimationRenderer>()));
        Assert.Equal("Title of first_win", overlay.Find("[data-testid=celebration-title]").TextContent);
    }

    [Fact]
    public void A_card_dismisses_itself_after_the_configured_time()
    {
        var overlay = Render<CelebrationOverlay>();
        Queue.Enqueue([Award("first"), Award("second")]);
        overlay.WaitForAssertion(() => Assert.Equal("Title of first", Title(overlay)));

        Clock.Advance(TimeSpan.FromSeconds(7.9));
        Assert.Equal("Title of first", Title(overlay));

        Clock.Advance(TimeSpan.FromSeconds(0.1));
        overlay.WaitForAssertion(() => Assert.Equal("Title of second", Title(overlay)));
    }

    [Fact]
    public void Dismissing_a_card_gives_the_next_one_its_full_time()
    {
        var overlay = Render<CelebrationOverlay>();
        Queue.Enqueue([Award("first"), Award("second")]);
        overlay.WaitForAssertion(() => Assert.Equal("Title of first", Title(overlay)));

        Clock.Advance(TimeSpan.FromSeconds(5));
        overlay.Find("[data-testid=celebration-dismiss]").Click();
        Clock.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal("Title of second", Title(overlay));
        Clock.Advance(TimeSpan.FromSeconds(3));
        overlay.WaitForAssertion(() => Assert.Empty(overlay.FindAll("[data-testid=celebration-card]")));
    }

    [Fact]
    public void A_card_under_the_pointer_stays_until_the_pointer_leaves()
    {
        var overlay = Render<CelebrationOverlay>();
        Queue.Enqueue([Award("first")]);
        var toast = overlay.WaitForElement(".celebration-toast");

        toast.MouseEnter();
        Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal("Title of first", Title(overlay));

        overlay.Find(".celebration-toast").MouseLeave();
        Clock.Advance(TimeSpan.FromSeconds(8));
        overlay.WaitForAssertion(() => Assert.Empty(overlay.FindAll("[data-testid=celebration-card]")));
    }

    [Fact]
    public void A_card_holding_the_focus_stays_until_the_focus_leaves()
    {
        var overlay = Render<CelebrationOverlay>();
        Queue.Enqueue([Award("first")]);
        var toast = overlay.WaitForElement(".celebration-toast");

        toast.FocusIn();
        Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal("Title of first", Title(overlay));

        overlay.Find(".celebration-toast").FocusOut();
        Clock.Advance(TimeSpan.FromSeconds(8));
        overlay.WaitForAssertion(() => Assert.Empty(overlay.FindAll("[data-testid=celebration-card]")));
    }

    [Fact]
    public void A_card_takes_the_focus_and_the_last_one_closing_gives_it_back()
    {
        var overlay = Render<CelebrationOverlay>();
        Queue.Enqueue([Award("first"), Award("second")]);

        overlay.WaitForAssertion(() => CelebrationsModule.VerifyInvoke("focusCard"));
        overlay.Find("[data-testid=celebration-dismiss]").Click();
        overlay.WaitForAssertion(() => CelebrationsModule.VerifyInvoke("focusCard", calledTimes: 2));
        CelebrationsModule.VerifyNotInvoke("restoreFocus");

        overlay.Find("[data-testid=celebration-dismiss]").Click();
        overlay.WaitForAssertion(() => CelebrationsModule.VerifyInvoke("restoreFocus"));
    }

    [Fact]
    public void A_card_in_another_language_says_its_own_words_in_that_language()
    {
        var overlay = Render<CelebrationOverlay>();

        Queue.Enqueue(Awards(4), CultureInfo.GetCultureInfo("es"));

        overlay.WaitForAssertion(() => Assert.Equal("4 hitos nuevos", Title(overlay)));
        Assert.Equal("Cerrar", overlay.Find("[data-testid=celebration-dismiss]").TextContent.Trim());
        Assert.Equal("es", overlay.Find("[data-testid=celebration-card]").GetAttribute("lang"));
        Assert.Equal("en-US", CultureInfo.CurrentUICulture.Name);
    }

    [Fact]
    public void Cards_appear_inside_a_polite_live_region()
    {
        var overlay = Render<CelebrationOverlay>();
        var region = overlay.Find("[aria-live]");
        Assert.Equal("polite", region.GetAttribute("aria-live"));

        Queue.Enqueue([Award("first_win")]);

        overlay.WaitForAssertion(() => Assert.NotNull(overlay.Find("[aria-live=polite] [data-testid=celebration-card]")));
    }

    [Fact]
    [UseCulture("es-ES")]
    public void The_overlays_own_texts_follow_the_culture()
    {
        var overlay = Render<CelebrationOverlay>();

        Queue.Enqueue(Awards(4));

        overlay.WaitForAssertion(() => Assert.Equal("4 hitos nuevos", Title(overlay)));
        Assert.Equal("Cerrar", overlay.Find("[data-testid=celebration-dismiss]").TextContent.Trim());
    }

    private static string Title(IRenderedComponent<CelebrationOverlay> overlay) =>
        overlay.Find("[data-testid=celebration-title]").TextContent;

    private sealed class FailingImport : JSRuntimeInvocationHandlerBase<IJSObjectReference>
    {
        public FailingImport(string modulePath)
            : base(invocation => invocation.Identifier == "import" && Equals(invocation.Arguments[0], modulePath), isCatchAllHandler: false) =>
            SetExceptionBase(new JSException($"Loading {modulePath} was blocked."));
    }

    private static bool IsRenderer(IRenderedComponent<IComponent> component) => AllRenderers.Contains(component.Instance.GetType());
}
