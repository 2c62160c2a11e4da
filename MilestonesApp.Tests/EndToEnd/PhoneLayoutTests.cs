using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MilestonesApp.Application.Accounts;
using static Microsoft.Playwright.Assertions;

namespace MilestonesApp.Tests.EndToEnd;

/// <summary>
/// A German phone (390 px, German has the longest words): in every state of the pages people use on the go, the page
/// never scrolls sideways, every visible control lies inside the viewport, no table cell cuts its text off, and a
/// celebration card is fully on screen.
/// </summary>
public sealed class PhoneLayoutTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const int Width = 390;
    private const int Height = 844;

    [Fact]
    public async Task A_new_person_s_pages_fit_a_German_phone_in_every_state()
    {
        fixture.RequireBrowser();
        await using var session = await OpenPhoneAsync("phone-person");
        var page = session.Page;
        await page.GotoAsync("Account/Register");
        await page.Locator("#Input\\.Email").FillAsync($"telefon-{Guid.NewGuid():N}@example.com");
        await page.Locator("#Input\\.Password").FillAsync("Telefon-passphrase-1");
        await page.Locator("#Input\\.ConfirmPassword").FillAsync("Telefon-passphrase-1");
        await page.GetByTestId("register-submit").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/welcome$"));
        await session.WaitForInteractiveAsync();
        await ExpectFitsAsync(session, "welcome");
        await page.GetByTestId("onboarding-next").ClickAsync();
        await page.GetByTestId("onboarding-habit").FillAsync("Jeden Morgen zehn Minuten Dehnübungen");
        await ExpectFitsAsync(session, "welcome-habit");
        await page.GetByTestId("onboarding-finish").ClickAsync();
        await Expect(page.GetByTestId("celebration-card")).ToBeVisibleAsync();
        await ExpectCardOnScreenAsync(page);
        await ExpectFitsAsync(session, "welcome-celebrated");
        await page.GetByTestId("celebration-dismiss").ClickAsync();
        await ExpectFitsAsync(session, "today");

        await page.GotoAsync("habits");
        await session.WaitForInteractiveAsync();
        await page.GetByTestId("habit-name").FillAsync("Abends Tagebuch schreiben");
        await page.GetByTestId("habit-create").ClickAsync();
        await Expect(page.GetByTestId("habit-item")).ToHaveCountAsync(2);
        await page.GetByTestId("habit-item").Filter(new() { HasText = "Dehnübungen" }).GetByTestId("habit-done").ClickAsync();
        await Expect(page.GetByTestId("celebration-card")).ToBeVisibleAsync();
        await ExpectCardOnScreenAsync(page);
        await ExpectFitsAsync(session, "habit-done-celebrated");
        await page.GetByTestId("celebration-dismiss").ClickAsync();
        await Expect(page.GetByTestId("celebration-card")).ToHaveCountAsync(0);
        // One habit done ("Heute erledigt" beside rename and archive), one not.
        await Expect(page.GetByTestId("habit-done-chip")).ToHaveCountAsync(1);
        await ExpectFitsAsync(session, "habits");

        await page.GetByTestId("habit-item").First.GetByTestId("habit-rename").ClickAsync();
        await Expect(page.GetByTestId("habit-rename-text")).ToBeVisibleAsync();
        await ExpectFitsAsync(session, "habit-renaming");

        await page.GotoAsync("");
        await session.WaitForInteractiveAsync();
        await Expect(page.GetByTestId("habit-done-chip")).ToHaveCountAsync(1);
        await ExpectFitsAsync(session, "today-with-a-habit-done");

        await page.GotoAsync("milestones");
        await session.WaitForInteractiveAsync();
        await Expect(page.GetByTestId("receipt").First).ToBeVisibleAsync();
        await ExpectFitsAsync(session, "milestones");
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task The_admin_pages_fit_a_German_phone_in_every_state()
    {
        fixture.RequireBrowser();
        await using var session = await OpenPhoneAsync("phone-admin");
        var page = session.Page;
        await SignInAsync(page, "admin", DevelopmentAccounts.AdminEmail);
        await Expect(page).ToHaveURLAsync(new Regex("/admin$"));
        await session.WaitForInteractiveAsync();
        await Expect(page.GetByTestId("rule-summary").First).ToBeVisibleAsync();
        await ExpectFitsAsync(session, "admin-list");

        await page.GetByTestId("preview-grouped").ClickAsync();
        await Expect(page.GetByTestId("celebration-card")).ToBeVisibleAsync();
        await ExpectCardOnScreenAsync(page);
        await ExpectFitsAsync(session, "admin-preview-grouped");
        await page.GetByTestId("celebration-dismiss").ClickAsync();
        await page.GetByTestId("preview-wins_10").ClickAsync();
        await Expect(page.GetByTestId("celebration-video")).ToBeVisibleAsync();
        await ExpectCardOnScreenAsync(page);
        await page.GetByTestId("celebration-dismiss").ClickAsync();

        await page.GotoAsync("admin/users");
        await session.WaitForInteractiveAsync();
        await page.Locator("#user-query").FillAsync(DevelopmentAccounts.DemoEmail);
        await page.GetByTestId("user-find").ClickAsync();
        await Expect(page.GetByTestId("user-report")).ToBeVisibleAsync();
        await ExpectFitsAsync(session, "admin-user");
        // Stacked on a phone, every value keeps the label of its column.
        Assert.Empty(await UnlabelledStackedCellsAsync(page));

        foreach (var path in new[] { "admin/milestones/new", "admin/milestones/first_win/edit", "admin/api-keys" })
        {
            await page.GotoAsync(path);
            await session.WaitForInteractiveAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
            await ExpectFitsAsync(session, path.Replace('/', '-'));
        }

        Assert.Empty(session.Errors);
    }

    private async Task<BrowserSession> OpenPhoneAsync(string scenario)
    {
        var session = await BrowserSession.OpenAsync(fixture, scenario, "de-DE");
        await session.Page.SetViewportSizeAsync(Width, Height);
        return session;
    }

    private static async Task SignInAsync(IPage page, string path, string email)
    {
        await page.GotoAsync(path.Length == 0 ? "Account/Login" : path);
        await Expect(page).ToHaveURLAsync(new Regex("Account/Login"));
        await page.Locator("#Input\\.Email").FillAsync(email);
        await page.Locator("#Input\\.Password").FillAsync(DevelopmentAccounts.Password);
        await page.GetByTestId("login-submit").ClickAsync();
    }

    /// <summary>At the page's current width: no sideways scrolling, no control outside the viewport, nothing cut off; a screenshot of the state.</summary>
    internal static async Task ExpectFitsAsync(BrowserSession session, string state)
    {
        // Measured at rest: a drawer sliding in after a resize, or a button's ripple after a click, is between two
        // layouts for a moment. Endless animations (a spinner) never end and are not waited for.
        await session.Page.WaitForFunctionAsync("""
            () => document.getAnimations().every(animation =>
                animation.playState !== 'running' || animation.effect?.getComputedTiming().iterations === Infinity)
            """);
        await session.ScreenshotAsync(state);
        var problems = await session.Page.EvaluateAsync<string[]>("""
            () => {
                const problems = [];
                const root = document.documentElement;
                if (root.scrollWidth > window.innerWidth) {
                    problems.push(`the page is ${root.scrollWidth} px wide in a ${window.innerWidth} px viewport`);
                }
                const name = element => (element.getAttribute('aria-label') || element.textContent || element.outerHTML).trim().slice(0, 60);
                // Shown means laid out, visible and not in a closed drawer or a menu that is folded away.
                const shown = element => element.getClientRects().length > 0 && getComputedStyle(element).visibility !== 'hidden'
                    && !element.closest('.mud-drawer--closed, details:not([open]) > :not(summary), .skip-link, [aria-hidden=true]');
                for (const control of document.querySelectorAll('a, button, input:not([type=hidden]), select, textarea, summary, [role=switch], [tabindex="0"]')) {
                    if (!shown(control)) continue;
                    // A switch's or checkbox's native input is invisible and sized by MudBlazor's own ripple: measure what shows.
                    const box = (control.closest('.mud-switch, .mud-checkbox') ?? control).getBoundingClientRect();
                    if (box.width > 0 && (box.left < -1 || box.right > window.innerWidth + 1)) {
                        problems.push(`'${name(control)}' spans ${Math.round(box.left)} to ${Math.round(box.right)} px`);
                    }
                }
                // A box that clips or scrolls its content sideways hides part of it on a phone (a table's right column).
                for (const box of document.querySelectorAll('body *')) {
                    // Visually hidden text (1 px, for screen readers) and form fields' own scrolling are meant to be so.
                    if (!shown(box) || box.clientWidth <= 1 || box.matches('input, textarea, select') || box.closest('.celebration-region')) continue;
                    // A button's ripple, scaled up for a moment after a click, overflows the button by design: what a
                    // button could hide is its label.
                    if (box.matches('.mud-ripple')) {
                        const label = box.querySelector('.mud-button-label');
                        if (label && label.getBoundingClientRect().right > box.getBoundingClientRect().right + 1) {
                            problems.push(`'${name(box)}' cuts off its label`);
                        }
                        continue;
                    }
                    const overflow = getComputedStyle(box).overflowX;
                    if (overflow !== 'visible' && box.scrollWidth > box.clientWidth + 1) {
                        problems.push(`'${name(box)}' (${box.className}) hides ${box.scrollWidth - box.clientWidth} px of its content sideways`);
                    }
                }
                for (const cell of document.querySelectorAll('td, th')) {
                    if (shown(cell) && cell.scrollWidth > cell.clientWidth + 1) {
                        problems.push(`cell '${name(cell)}' is cut off (${cell.scrollWidth} px of text in ${cell.clientWidth} px)`);
                    }
                }
                return problems;
            }
            """);
        Assert.True(problems.Length == 0, $"{state} at {session.Page.ViewportSize?.Width} px:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
    }

    /// <summary>The celebration card lies wholly inside the viewport, not half off a phone's screen.</summary>
    internal static async Task ExpectCardOnScreenAsync(IPage page)
    {
        var card = await page.GetByTestId("celebration-card").BoundingBoxAsync();
        var viewport = page.ViewportSize!;
        Assert.NotNull(card);
        Assert.True(card.X >= 0 && card.Y >= 0 && card.X + card.Width <= viewport.Width && card.Y + card.Height <= viewport.Height,
            $"The celebration card spans x {card.X} to {card.X + card.Width}, y {card.Y} to {card.Y + card.Height} in a {viewport.Width}×{viewport.Height} viewport.");
    }

    // MudTable stacks its rows below its breakpoint and labels each value with its cell's data-label; a cell without one
    // shows a bare value (a timestamp, "#2") nobody can place.
    private static Task<string[]> UnlabelledStackedCellsAsync(IPage page) => page.EvaluateAsync<string[]>("""
        () => [...document.querySelectorAll('.mud-xs-table td, .mud-sm-table td')]
            .filter(cell => cell.getClientRects().length > 0 && cell.textContent.trim().length > 0 && !cell.dataset.label)
            .map(cell => cell.textContent.trim().slice(0, 60))
        """);
}
