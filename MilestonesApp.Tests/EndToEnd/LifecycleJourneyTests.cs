using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using MilestonesApp.Application.Accounts;
using static Microsoft.Playwright.Assertions;

namespace MilestonesApp.Tests.EndToEnd;

/// <summary>
/// A milestone's life in Chromium: an admin drafts a window milestone, reads its impact, edits the rule and sees the
/// number change, goes live; the person who already qualified sees it at their next visit with what is next.
/// </summary>
public sealed class LifecycleJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task An_admin_drafts_counts_the_impact_edits_the_rule_and_goes_live_and_the_qualifying_person_sees_it_next_visit()
    {
        fixture.RequireBrowser();
        await using var session = await BrowserSession.OpenAsync(fixture, "lifecycle");
        var page = session.Page;
        await SignInAsync(page, "admin/milestones/new", DevelopmentAccounts.AdminEmail);
        await session.WaitForInteractiveAsync();

        await page.Locator("#milestone-code").FillAsync("busy_week");
        await page.Locator("#milestone-title").FillAsync("A busy week");
        await page.Locator("#milestone-description").FillAsync("Wins piled up within one week.");
        await ChooseAsync(page, "milestone-rule-type", "Count within a window");
        await ChooseAsync(page, "rule-event", "Win logged");
        await SetNumberAsync(page, "rule-count", 3);
        await SetNumberAsync(page, "rule-window-days", 7);
        await Expect(page.Locator("#rule-json")).ToHaveValueAsync("{\"event\":\"WinLogged\",\"count\":3,\"window_days\":7}");
        await page.GetByTestId("save-milestone").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/admin/milestones/busy_week/edit$"));
        await Expect(page.GetByTestId("lifecycle-state")).ToHaveTextAsync("Draft");

        // The demo account logged a win every third day: three within a week, never five.
        await page.GetByTestId("impact-run").ClickAsync();
        await Expect(page.GetByTestId("impact-result")).ToHaveTextAsync("1 users qualify now; 0 already hold it; going live awards 1.");
        await Expect(page.GetByTestId("impact-sample")).ToContainTextAsync(DevelopmentAccounts.DemoEmail);
        await session.ScreenshotBothSizesAsync("impact-en");
        await page.SetViewportSizeAsync(1280, 860);
        await SetNumberAsync(page, "rule-count", 5);
        await Expect(page.Locator("#rule-json")).ToHaveValueAsync("{\"event\":\"WinLogged\",\"count\":5,\"window_days\":7}");
        await page.GetByTestId("impact-run").ClickAsync();
        await Expect(page.GetByTestId("impact-result")).ToHaveTextAsync("0 users qualify now; 0 already hold it; going live awards 0.");
        await SetNumberAsync(page, "rule-count", 3);
        await Expect(page.Locator("#rule-json")).ToHaveValueAsync("{\"event\":\"WinLogged\",\"count\":3,\"window_days\":7}");

        await page.GetByTestId("go-live").ClickAsync();
        await Expect(page.GetByTestId("backfill-result")).ToContainTextAsync("Newly awarded: 1.");
        await Expect(page.GetByTestId("lifecycle-state")).ToHaveTextAsync("Live");
        await session.ScreenshotBothSizesAsync("went-live-en");
        await page.GotoAsync("admin");
        await Expect(page.GetByTestId("state-busy_week")).ToHaveTextAsync("Live");
        Assert.Empty(session.Errors);

        await using var person = await BrowserSession.OpenAsync(fixture, "lifecycle-recipient");
        await SignInAsync(person.Page, "milestones", DevelopmentAccounts.DemoEmail);
        await Expect(person.Page.GetByTestId("celebration-card")).ToContainTextAsync("A busy week");
        await Expect(person.Page.GetByTestId("celebration-next")).ToContainTextAsync("Next:");
        await Expect(person.Page.GetByTestId("whats-next")).ToContainTextAsync("Next:");
        await person.ScreenshotBothSizesAsync("celebrated-next-visit");
    }

    [Theory]
    [InlineData("es-ES", "Borrador")]
    [InlineData("de-DE", "Entwurf")]
    public async Task The_lifecycle_controls_read_in_the_admins_language_and_pass_axe(string locale, string draft)
    {
        fixture.RequireBrowser();
        await using var session = await BrowserSession.OpenAsync(fixture, $"lifecycle-{locale}", locale);
        var page = session.Page;
        await SignInAsync(page, "admin/milestones/new", DevelopmentAccounts.AdminEmail);
        await session.WaitForInteractiveAsync();
        var code = "draft_" + locale[..2];
        await page.Locator("#milestone-code").FillAsync(code);
        await page.Locator("#milestone-title").FillAsync("Draft " + locale);
        await page.Locator("#milestone-description").FillAsync("A draft nobody earns.");
        await SetNumberAsync(page, "rule-threshold", 5000);
        await page.GetByTestId("save-milestone").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/admin/milestones/{code}/edit$"));
        // Measured without the save's snackbar, whose success colours are the form's and not this page's.
        await page.ReloadAsync();
        await session.WaitForInteractiveAsync();

        await Expect(page.GetByTestId("lifecycle-state")).ToHaveTextAsync(draft);
        await page.GetByTestId("impact-run").ClickAsync();
        await Expect(page.GetByTestId("impact-result")).ToBeVisibleAsync();
        var violations = await SeriousViolationsAsync(page);
        await session.ScreenshotBothSizesAsync($"impact-{locale}");
        violations.AddRange(await SeriousViolationsAsync(page));
        await page.GotoAsync("admin");
        await Expect(page.GetByTestId($"state-{code}")).ToHaveTextAsync(draft);
        await session.ScreenshotBothSizesAsync($"list-{locale}");
        violations.AddRange(await SeriousViolationsAsync(page));

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
        Assert.Empty(session.Errors);
    }

    private static async Task<List<string>> SeriousViolationsAsync(IPage page)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        return [.. result.Violations
            .Where(violation => violation.Impact is "critical" or "serious")
            .SelectMany(violation => violation.Nodes.Select(node => $"{violation.Impact} {violation.Id} ({violation.Help}) on {node.Target} {node.Html}"))];
    }

    private static async Task ChooseAsync(IPage page, string inputId, string option)
    {
        await page.Locator($".mud-select:has(#{inputId}) .mud-input-control").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = option }).ClickAsync();
    }

    private static async Task SetNumberAsync(IPage page, string inputId, int value)
    {
        await page.Locator($"#{inputId}").FillAsync(value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator($"#{inputId}").BlurAsync();
    }

    private static async Task SignInAsync(IPage page, string path, string email)
    {
        await page.GotoAsync(path);
        await Expect(page).ToHaveURLAsync(new Regex("Account/Login"));
        await page.Locator("#Input\\.Email").FillAsync(email);
        await page.Locator("#Input\\.Password").FillAsync(DevelopmentAccounts.Password);
        await page.GetByTestId("login-submit").ClickAsync();
    }
}
