using System.Globalization;
using System.Security.Claims;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MilestonesApp.Application.Receipts;
using MilestonesApp.Components.Pages.Milestones;
using MilestonesApp.Engine;
using MilestonesApp.Tests.Shared;

namespace MilestonesApp.Tests.Components;

public sealed class MilestonesPageTests : AppComponentTestContext
{
    private const string User = "user-1";
    private static readonly DateTimeOffset FirstWinAt = EngineHost.Now.AddDays(-30);

    private async Task<EngineHost> StartWithHistoryAsync()
    {
        var host = await ApplicationHost.StartAsync();
        await host.RecordAsync(User, EventTypes.WinLogged, FirstWinAt);
        await host.RecordAsync(User, EventTypes.WinLogged, EngineHost.Now.AddDays(-20));
        await host.RecordAsync(User, EventTypes.WinLogged, EngineHost.Now.AddDays(-3));
        Services.AddSingleton(host.Get<ReceiptService>());
        Services.AddSingleton(host.Get<IAwardNotifier>());
        AddAuthorization().SetAuthorized("person@example.com").SetClaims(new Claim(ClaimTypes.NameIdentifier, User));
        return host;
    }

    private IRenderedComponent<Milestones> RenderPage()
    {
        var page = Render<Milestones>();
        page.WaitForElement("[data-code=first_win]");
        return page;
    }

    private static string Receipt(IRenderedComponent<Milestones> page, string code) =>
        page.Find($"[data-testid=receipt][data-code={code}]").TextContent;

    [Fact]
    [UseCulture("en-US")]
    public async Task An_earned_milestone_shows_the_date_it_was_achieved()
    {
        await using var host = await StartWithHistoryAsync();

        var page = RenderPage();

        var firstWin = page.Find("[data-code=first_win]");
        Assert.Equal("true", firstWin.GetAttribute("data-earned"));
        Assert.Equal($"Earned on {FirstWinAt.ToString("D", CultureInfo.GetCultureInfo("en-US"))}", firstWin.QuerySelector("[data-testid=receipt-date]")!.TextContent.Trim());
        Assert.Contains("Earned: 1 of 14", page.Find("[data-testid=earned-summary]").TextContent);
    }

    [Fact]
    [UseCulture("en-US")]
    public async Task An_award_made_while_the_page_is_open_moves_its_receipt_to_earned_without_reloading()
    {
        await using var host = await StartWithHistoryAsync();
        var page = RenderPage();
        Assert.Equal("false", page.Find("[data-code=first_habit]").GetAttribute("data-earned"));

        await host.RecordAsync(User, EventTypes.HabitCompleted, EngineHost.Now, "api-habit-1");

        page.WaitForAssertion(() => Assert.Equal("true", page.Find("[data-code=first_habit]").GetAttribute("data-earned")));
        Assert.Contains("Earned: 2 of 14", page.Find("[data-testid=earned-summary]").TextContent);
    }

    [Fact]
    [UseCulture("en-US")]
    public async Task Unearned_milestones_show_honest_progress_for_their_rule()
    {
        await using var host = await StartWithHistoryAsync();

        var page = RenderPage();

        Assert.Equal("false", page.Find("[data-code=wins_10]").GetAttribute("data-earned"));
        Assert.Contains("3 / 10", Receipt(page, "wins_10"));
        Assert.Contains("1 of 3 within 7 days", Receipt(page, "wins_3_in_7"));
        Assert.Contains("after 14 days or more away", Receipt(page, "welcome_back_14"));
        // A return has nothing to measure: its words without a bar that could never fill, said once.
        Assert.Empty(page.FindAll("[data-code=welcome_back_14] .mud-progress-linear"));
        Assert.Single(page.FindAll("[data-code=welcome_back_60] [data-testid=receipt-progress]"));
        Assert.True(Receipt(page, "welcome_back_60").Split("Progress never expires here.").Length <= 2, Receipt(page, "welcome_back_60"));
        Assert.Single(page.FindAll("[data-code=wins_10] .mud-progress-linear"));
    }

    [Fact]
    [UseCulture("en-US")]
    public async Task A_receipt_earned_before_it_was_awarded_says_when_it_was_added()
    {
        await using var host = await StartWithHistoryAsync();
        await host.RecordAsync(User, EventTypes.HabitCompleted, EngineHost.Now);

        var page = RenderPage();

        // The first win happened a month before the engine recorded it (imported history); the first habit today.
        var added = page.Find("[data-code=first_win] [data-testid=receipt-added]").TextContent.Trim();
        Assert.StartsWith("Added to your receipts on ", added, StringComparison.Ordinal);
        Assert.DoesNotContain(FirstWinAt.ToString("D", CultureInfo.GetCultureInfo("en-US")), added, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-code=first_habit] [data-testid=receipt-added]"));
    }

    [Fact]
    [UseCulture("es-ES")]
    public async Task The_page_and_the_milestones_speak_Spanish_under_the_Spanish_culture()
    {
        await using var host = await StartWithHistoryAsync();

        var page = RenderPage();

        Assert.Equal("Tus hitos", page.Find("h1").TextContent);
        Assert.Contains("Primer logro", Receipt(page, "first_win"));
        Assert.Contains($"Alcanzado el {FirstWinAt.ToString("D", CultureInfo.GetCultureInfo("es-ES"))}", Receipt(page, "first_win"));
        Assert.Contains("1 de 3 en 7 días", Receipt(page, "wins_3_in_7"));
    }

    [Fact]
    [UseCulture("de-DE")]
    public async Task The_page_and_the_milestones_speak_German_under_the_German_culture()
    {
        await using var host = await StartWithHistoryAsync();

        var page = RenderPage();

        Assert.Equal("Deine Meilensteine", page.Find("h1").TextContent);
        Assert.Contains("Erster Erfolg", Receipt(page, "first_win"));
        Assert.Contains("Verdient am", Receipt(page, "first_win"));
    }
}
