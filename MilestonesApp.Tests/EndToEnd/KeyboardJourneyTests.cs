using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MilestonesApp.Application.Accounts;
using static Microsoft.Playwright.Assertions;

namespace MilestonesApp.Tests.EndToEnd;

/// <summary>
/// A keyboard-only person (Tab, Enter, Escape and typing): where the focus is after every step, and that they can see it.
/// </summary>
public sealed class KeyboardJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Password = "Keyboard-passphrase-1";

    [Fact]
    public async Task A_keyboard_user_onboards_logs_a_win_and_closes_each_card_with_focus_where_they_expect_it()
    {
        fixture.RequireBrowser();
        await using var session = await BrowserSession.OpenAsync(fixture, "keyboard");
        var page = session.Page;
        await page.GotoAsync("Account/Register");
        await page.Locator("#Input\\.Email").FillAsync($"keys-{Guid.NewGuid():N}@example.com");
        await page.Locator("#Input\\.Password").FillAsync(Password);
        await page.Locator("#Input\\.ConfirmPassword").FillAsync(Password);
        await page.GetByTestId("register-submit").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/welcome$"));
        await session.WaitForInteractiveAsync();

        // The page's heading has the focus; the next Tab is the step's one button, "Let's start".
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByTestId("onboarding-next")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");

        // The button is gone: the focus goes to the field the person is asked to fill, not to the page's start.
        await Expect(page.GetByTestId("onboarding-habit")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("Stretch for five minutes");
        await page.Keyboard.PressAsync("Enter");

        // Enter in the field finishes; the welcome card takes the focus from the new page's heading.
        await Expect(page.GetByTestId("celebration-title")).ToHaveTextAsync("Welcome aboard!");
        await Expect(page.Locator(".celebration-toast")).ToBeFocusedAsync();
        await session.ScreenshotAsync("welcome-card-focused");
        await page.Keyboard.PressAsync("Escape");
        await Expect(page.GetByTestId("celebration-card")).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Today", Level = 1 })).ToBeFocusedAsync();

        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByTestId("win-text")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("Finished onboarding without a mouse");
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByTestId("log-win")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByTestId("celebration-title")).ToHaveTextAsync("First win");
        await Expect(page.Locator(".celebration-toast")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Escape");
        await Expect(page.GetByTestId("celebration-card")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("log-win")).ToBeFocusedAsync();
        await Expect(page.GetByTestId("win-entry")).ToHaveTextAsync("Finished onboarding without a mouse");

        // The skip link, first on the page, moves the focus into the content: the next Tab is the page's first control.
        var skip = page.Locator(".skip-link");
        await skip.FocusAsync();
        await ExpectVisibleFocusAsync(page, "the skip link");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#main-content")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByTestId("win-text")).ToBeFocusedAsync();

        // The app bar and menu links show a ring that stands out from what is around them.
        await skip.FocusAsync();
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Show or hide the menu" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.Locator("a.app-name")).ToBeFocusedAsync();
        await ExpectVisibleFocusAsync(page, "the brand link");
        await session.ScreenshotViewportAsync("brand-focused");
        var navigation = page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link);
        await navigation.First.FocusAsync();
        await Expect(navigation.First).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Tab");
        await ExpectVisibleFocusAsync(page, "a menu link");
        await session.ScreenshotViewportAsync("menu-link-focused");
        Assert.True(session.Errors.Count == 0, string.Join(Environment.NewLine, session.Errors));
    }

    [Fact]
    public async Task Escape_closes_an_admin_preview_and_gives_the_focus_back_to_its_button()
    {
        fixture.RequireBrowser();
        await using var session = await BrowserSession.OpenAsync(fixture, "keyboard-admin");
        var page = session.Page;
        await page.GotoAsync("admin");
        await page.Locator("#Input\\.Email").FillAsync(DevelopmentAccounts.AdminEmail);
        await page.Locator("#Input\\.Password").FillAsync(DevelopmentAccounts.Password);
        await page.GetByTestId("login-submit").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/admin$"));
        await session.WaitForInteractiveAsync();

        await page.GetByTestId("preview-grouped").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator(".celebration-toast")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Escape");
        await Expect(page.GetByTestId("celebration-card")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("preview-grouped")).ToBeFocusedAsync();
        Assert.True(session.Errors.Count == 0, string.Join(Environment.NewLine, session.Errors));
    }

    /// <summary>
    /// The focused element's ring is at least 2 px and contrasts 3:1 with the colour it is drawn on (WCAG 2.2, 2.4.7
    /// and 1.4.11): the element's own background when the ring is inside it, its surroundings when outside.
    /// </summary>
    private static async Task ExpectVisibleFocusAsync(IPage page, string what)
    {
        var ring = await page.EvaluateAsync<string?>("""
            () => {
                const element = document.activeElement;
                const style = getComputedStyle(element);
                if (style.outlineStyle === 'none' || parseFloat(style.outlineWidth) < 2) {
                    return `no focus ring (outline ${style.outlineStyle} ${style.outlineWidth})`;
                }
                const channels = color => color.match(/[\d.]+/g).map(Number);
                const luminance = ([r, g, b]) => {
                    const linear = value => (value /= 255) <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
                    return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
                };
                const backgroundBehind = start => {
                    for (let node = start; node; node = node.parentElement) {
                        const color = channels(getComputedStyle(node).backgroundColor);
                        if (color.length < 4 || color[3] > 0.5) return color;
                    }
                    return [255, 255, 255];
                };
                const behind = backgroundBehind(parseFloat(style.outlineOffset) >= 0 ? element.parentElement : element);
                const [lighter, darker] = [luminance(channels(style.outlineColor)), luminance(behind)].sort((a, b) => b - a);
                const contrast = (lighter + 0.05) / (darker + 0.05);
                return contrast >= 3 ? null : `a ring of ${style.outlineColor} on rgb(${behind}) contrasts only ${contrast.toFixed(2)}:1`;
            }
            """);
        Assert.True(ring is null, $"Focus on {what}: {ring}");
    }
}
