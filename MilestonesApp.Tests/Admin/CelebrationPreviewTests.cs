using System.Globalization;
using Bunit;
using Bunit.Rendering;
using Microsoft.AspNetCore.Components;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using MilestonesApp.Admin;
using MilestonesApp.Celebrations;
using MilestonesApp.Components.Admin;
using MilestonesApp.Engine;
using MilestonesApp.Tests.Shared;

namespace MilestonesApp.Tests.Admin;

/// <summary>Previews play through the same queue, overlay and renderers as real awards, and write nothing.</summary>
public sealed class CelebrationPreviewTests : AdminComponentTestContext
{
    private static readonly MilestoneDefinition Quiet =
        TestMilestones.Count("quiet_win", StatsCounters.TotalWins, 2) with { Title = "Quiet win", Animation = AnimationKind.None };

    public static TheoryData<string, Type> MilestonesByRenderer => new()
    {
        { "first_win", typeof(ConfettiRenderer) },
        { "wins_10", typeof(WebmRenderer) },
        { Quiet.Code, typeof(NoAnimationRenderer) },
    };

    private CelebrationQueue Queue => Services.GetRequiredService<CelebrationQueue>();

    [Theory]
    [MemberData(nameof(MilestonesByRenderer))]
    public async Task Previewing_a_milestone_plays_its_card_with_its_animations_renderer(string code, Type renderer)
    {
        await Host.SaveMilestonesAsync(Quiet);
        var app = RenderOverlayAndAdminPage();
        var definition = (await Host.Catalog.ListAsync(Cancel)).Single(m => m.Code == code);

        app.WaitForElement($"[data-testid=preview-{code}]").Click();

        app.WaitForAssertion(() => Assert.Equal(definition.Title, app.Find("[data-testid=celebration-title]").TextContent));
        app.WaitForAssertion(() => Assert.Contains(app.FindComponents<IComponent>(), component => component.Instance.GetType() == renderer));
    }

    // First win has confetti and no video of its own: "Video" shows its card alone rather than another milestone's clip.
    public static TheoryData<AnimationKind, AnimationKind, Type> Renderers => new()
    {
        { AnimationKind.Confetti, AnimationKind.Confetti, typeof(ConfettiRenderer) },
        { AnimationKind.Webm, AnimationKind.None, typeof(NoAnimationRenderer) },
        { AnimationKind.None, AnimationKind.None, typeof(NoAnimationRenderer) },
    };

    [Theory]
    [MemberData(nameof(Renderers))]
    public async Task Any_milestone_can_be_previewed_with_each_animation_kind(AnimationKind kind, AnimationKind played, Type renderer)
    {
        var overlay = Render<CelebrationOverlay>();
        var firstWin = (await Host.Catalog.ListAsync(Cancel)).Single(m => m.Code == "first_win");

        await overlay.InvokeAsync(() => Services.GetRequiredService<CelebrationPreview>().PreviewAsync(firstWin, Culture("en"), kind));

        var shown = Assert.IsType<MilestoneCelebration>(Queue.Current);
        Assert.Equal(played, shown.Animation);
        Assert.Null(shown.AnimationData);
        overlay.WaitForAssertion(() => Assert.Contains(overlay.FindComponents<IComponent>(), component => component.Instance.GetType() == renderer));
        Assert.Empty(overlay.FindAll("[data-testid=celebration-video]"));
    }

    [Fact]
    public async Task A_milestone_with_its_own_video_plays_that_video_when_previewed_as_video()
    {
        var overlay = Render<CelebrationOverlay>();
        var wins10 = (await Host.Catalog.ListAsync(Cancel)).Single(m => m.Code == "wins_10");

        await overlay.InvokeAsync(() => Services.GetRequiredService<CelebrationPreview>().PreviewAsync(wins10, Culture("en"), AnimationKind.Webm));

        overlay.WaitForAssertion(() => Assert.Equal(wins10.AnimationData, overlay.Find("[data-testid=celebration-video]").GetAttribute("src")));
    }

    [Theory]
    [InlineData("preview-onboarding")]
    [InlineData("preview-grouped")]
    public async Task Card_only_plays_the_welcome_and_grouped_previews_without_confetti(string button)
    {
        var app = RenderOverlayAndAdminPage();
        // What choosing "Card only" in the toolbar's select does.
        var toolbar = app.FindComponent<PreviewToolbar>();
        await toolbar.InvokeAsync(() => toolbar.Instance.PlayAsChanged.InvokeAsync(AnimationKind.None));

        app.WaitForElement($"[data-testid={button}]").Click();

        app.WaitForState(() => Queue.Current is OnboardingCelebration or GroupedCelebration);
        Assert.Equal(AnimationKind.None, Queue.Current!.Animation);
        app.WaitForAssertion(() => Assert.Contains(app.FindComponents<IComponent>(), component => component.Instance is NoAnimationRenderer));
        Assert.DoesNotContain(CelebrationsModule.Invocations, invocation => invocation.Identifier == "fireConfetti");
    }

    [Fact]
    public void The_onboarding_confetti_can_be_previewed()
    {
        var app = RenderOverlayAndAdminPage();

        app.WaitForElement("[data-testid=preview-onboarding]").Click();

        app.WaitForAssertion(() => Assert.IsType<OnboardingCelebration>(Queue.Current));
        app.WaitForAssertion(() => CelebrationsModule.VerifyInvoke("fireConfetti"));
    }

    [Fact]
    public void Several_at_once_preview_as_the_one_grouped_card_a_catch_up_shows()
    {
        var app = RenderOverlayAndAdminPage();

        app.WaitForElement("[data-testid=preview-grouped]").Click();

        app.WaitForState(() => Queue.Current is GroupedCelebration);
        Assert.Equal(CelebrationQueue.MaxSeparateAwards + 1, ((GroupedCelebration)Queue.Current!).Awards.Count);
    }

    [Fact]
    public async Task A_preview_speaks_the_chosen_language()
    {
        var firstWin = (await Host.Catalog.ListAsync(Cancel)).Single(m => m.Code == "first_win");
        var preview = Services.GetRequiredService<CelebrationPreview>();

        await preview.PreviewAsync(firstWin, Culture("de"));

        var shown = Assert.IsType<MilestoneCelebration>(Queue.Current);
        Assert.Equal("Erster Erfolg", shown.Award.Title);
        Assert.Equal("en-US", System.Globalization.CultureInfo.CurrentUICulture.Name);
    }

    [Fact]
    public async Task A_draft_s_preview_shows_the_what_s_next_line_in_the_chosen_language()
    {
        var draft = TestMilestones.Count("draft_win", StatsCounters.TotalWins, 1) with { State = MilestoneState.Draft };
        await Host.SaveMilestonesAsync(draft);
        var preview = Services.GetRequiredService<CelebrationPreview>();

        await preview.PreviewAsync(draft, Culture("de"));

        // The admin's own account, with nothing earned yet: a first win is the nearest milestone ahead. The card words the
        // line in the card's language (CelebrationNextStepTests).
        var shown = Assert.IsType<MilestoneCelebration>(Queue.Current);
        Assert.Equal(("first_win", "Erster Erfolg", 1L), (shown.Next?.Code, shown.Next?.Title, shown.Next?.ToGo));
        Assert.Equal("de", shown.Culture?.Name);
    }

    [Fact]
    public async Task Previewing_everything_writes_no_row_in_any_table()
    {
        await Host.SaveMilestonesAsync(Quiet);
        await Host.RecordAsync("someone", EventTypes.WinLogged, EngineHost.Now);
        var before = await CountEveryTableAsync();
        var app = RenderOverlayAndAdminPage();

        foreach (var button in new[] { "preview-first_win", "preview-wins_10", $"preview-{Quiet.Code}", "preview-onboarding", "preview-grouped" })
        {
            app.WaitForElement($"[data-testid={button}]").Click();
        }

        while (Queue.Current is not null)
        {
            app.WaitForElement("[data-testid=celebration-dismiss]").Click();
        }

        Assert.Equal(before, await CountEveryTableAsync());
    }

    [Fact]
    public async Task A_user_cannot_preview()
    {
        SignInAs(Role.User);
        var firstWin = (await Host.Catalog.ListAsync(Cancel)).Single(m => m.Code == "first_win");
        var preview = Services.GetRequiredService<CelebrationPreview>();

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => preview.PreviewAsync(firstWin, Culture("en")));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => preview.PreviewOnboardingAsync(CultureInfo.InvariantCulture));
        Assert.Null(Queue.Current);
    }

    private static System.Globalization.CultureInfo Culture(string name) => System.Globalization.CultureInfo.GetCultureInfo(name);

    private IRenderedComponent<ContainerFragment> RenderOverlayAndAdminPage() => Render(builder =>
    {
        builder.OpenComponent<CelebrationOverlay>(0);
        builder.CloseComponent();
        builder.OpenComponent<AdminMilestonesPage>(1);
        builder.CloseComponent();
    });

    private async Task<Dictionary<string, long>> CountEveryTableAsync()
    {
        await using var connection = new SqliteConnection(Host.Database.ConnectionString);
        await connection.OpenAsync(Cancel);
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
            await using var reader = await list.ExecuteReaderAsync(Cancel);
            while (await reader.ReadAsync(Cancel))
            {
                tables.Add(reader.GetString(0));
            }
        }

        Assert.Contains("user_milestones", tables);
        var counts = new Dictionary<string, long>();
        foreach (var table in tables)
        {
            await using var count = connection.CreateCommand();
            count.CommandText = $"SELECT count(*) FROM \"{table}\"";
            counts[table] = (long)(await count.ExecuteScalarAsync(Cancel))!;
        }

        return counts;
    }
}
