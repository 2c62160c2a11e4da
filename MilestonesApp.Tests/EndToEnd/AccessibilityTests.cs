using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using MilestonesApp.Application.Accounts;
using static Microsoft.Playwright.Assertions;

namespace MilestonesApp.Tests.EndToEnd;

/// <summary>
/// axe-core (WCAG 2.1 A and AA) over every page, signed out and signed in as the admin who sees them all, in English and
/// German, at desktop and phone sizes: no critical or serious violation anywhere.
/// </summary>
public sealed class AccessibilityTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static readonly string[] SignedOutPages = ["", "Account/Login", "Account/Register", "Account/ForgotPassword"];

    private static readonly string[] SignedInPages =
    [
        "", "habits", "milestones", "admin", "admin/milestones/new", "admin/milestones/first_win/edit", "admin/users", "admin/api-keys",
        "Account/Manage", "Account/Manage/Email", "Account/Manage/ChangePassword", "Account/Manage/TwoFactorAuthentication",
        "Account/Manage/PersonalData", "Account/Manage/DeletePersonalData", "Account/Manage/Passkeys",
    ];

    public static TheoryData<string> Locales => ["en-US", "de-DE"];

    [Theory]
    [MemberData(nameof(Locales))]
    public async Task Every_page_passes_axe_without_critical_or_serious_violations(string locale)
    {
        fixture.RequireBrowser();
        await using var session = await BrowserSession.OpenAsync(fixture, $"axe-{locale}", locale);
        var page = session.Page;
        var violations = new List<string>();

        foreach (var path in SignedOutPages)
        {
            violations.AddRange(await CheckAsync(session, path));
        }

        await page.GotoAsync("Account/Login");
        await page.Locator("#Input\\.Email").FillAsync(DevelopmentAccounts.AdminEmail);
        await page.Locator("#Input\\.Password").FillAsync(DevelopmentAccounts.Password);
        await page.GetByTestId("login-submit").ClickAsync();
        await Expect(page).Not.ToHaveURLAsync(new Regex("Account/Login"));

        foreach (var path in SignedInPages)
        {
            violations.AddRange(await CheckAsync(session, path));
        }

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task The_api_docs_page_passes_axe_warns_that_trying_records_real_events_and_leads_nowhere_else()
    {
        fixture.RequireBrowser();
        await using var session = await BrowserSession.OpenAsync(fixture, "axe-api-docs");
        var page = session.Page;

        await page.GotoAsync("api/docs");
        await Expect(page.GetByText("Authorization: Bearer <key>").First).ToBeVisibleAsync();
        await Expect(page.GetByText("Trying this records a real event.").First).ToBeVisibleAsync();
        await session.ScreenshotBothSizesAsync("api-docs");

        var found = new List<string>();
        foreach (var width in new[] { 390, 1280 })
        {
            await page.SetViewportSizeAsync(width, width == 390 ? 844 : 800);
            var result = await page.RunAxe(new AxeRunOptions
            {
                RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
            });
            found.AddRange(result.Violations
                .Where(violation => violation.Impact is "critical" or "serious")
                .SelectMany(violation => violation.Nodes.Select(node => $"at {width}px: {violation.Impact} {violation.Id} on {node.Target} {node.Html}")));
        }

        var offSite = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('a[href]')].filter(a => a.checkVisibility()).map(a => a.href).filter(href => new URL(href).origin !== location.origin)
            """);
        Assert.True(found.Count == 0, string.Join(Environment.NewLine, found));
        Assert.Empty(offSite);
        foreach (var button in new[] { "Ask AI", "Generate SDK", "Deploy" })
        {
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = button })).ToHaveCountAsync(0);
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = button })).ToHaveCountAsync(0);
        }

        Assert.Empty(session.Errors);
    }

    private static async Task<IEnumerable<string>> CheckAsync(BrowserSession session, string path)
    {
        var page = session.Page;
        await page.SetViewportSizeAsync(1280, 800);
        await page.GotoAsync(path);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 }).First).ToBeVisibleAsync();
        if (!path.StartsWith("Account/", StringComparison.Ordinal))
        {
            // The account pages are static forms; every other page is checked once its circuit has rendered it.
            await session.WaitForInteractiveAsync();
        }

        var name = path.Length == 0 ? "home" : path.Replace('/', '-');
        await session.ScreenshotBothSizesAsync(name);

        var found = new List<string>();
        foreach (var width in new[] { 390, 1280 })
        {
            await page.SetViewportSizeAsync(width, width == 390 ? 844 : 800);
            found.AddRange((await AppBarControlsCutOffAsync(page)).Select(control => $"/{path} at {width}px: app bar control '{control}' is cut off or wraps"));
            var result = await page.RunAxe(new AxeRunOptions
            {
                RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
            });
            found.AddRange(result.Violations
                .Where(violation => violation.Impact is "critical" or "serious")
                .SelectMany(violation => violation.Nodes.Select(node =>
                    $"/{path} at {width}px: {violation.Impact} {violation.Id} ({violation.Help}) on {node.Target} {node.Html}")));
        }

        return found.Distinct();
    }

    // Every app bar link and button lies inside the viewport on one line (a wrapped label doubles its height).
    private static Task<string[]> AppBarControlsCutOffAsync(IPage page) => page.EvaluateAsync<string[]>("""
        () => [...document.querySelectorAll('.mud-appbar a, .mud-appbar button, .mud-appbar summary')]
            .filter(control => control.getClientRects().length > 0 && !control.closest('.app-bar-menu-panel'))
            .filter(control => {
                const box = control.getBoundingClientRect();
                return box.left < 0 || box.right > window.innerWidth || box.height > 48;
            })
            .map(control => control.textContent.trim() || control.getAttribute('aria-label'))
        """);
}
