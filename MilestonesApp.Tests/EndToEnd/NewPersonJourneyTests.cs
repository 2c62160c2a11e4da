using System.Globalization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MilestonesApp.Tests.EndToEnd;

/// <summary>A new person's first session, click by click in a real browser, with a screenshot of every step.</summary>
public sealed class NewPersonJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Password = "Journey-passphrase-1";

    [Fact]
    public async Task A_new_person_registers_onboards_logs_a_win_completes_a_habit_and_keeps_the_receipt()
    {
        fixture.RequireBrowser();
        await using var session = await BrowserSession.OpenAsync(fixture, "new-person");
        var page = session.Page;
        var email = $"new-{Guid.NewGuid():N}@example.com";

        await page.GotoAsync("");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Keep the receipts of your progress.");
        await session.WaitForInteractiveAsync();
        await session.ScreenshotAsync("landing");

        await page.GetByRole(AriaRole.Link, new() { Name = "Start for free" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Create your account");
        await page.Locator("#Input\\.Email").FillAsync(email);
        await page.Locator("#Input\\.Password").FillAsync(Password);
        await page.Locator("#Input\\.ConfirmPassword").FillAsync(Password);
        await session.ScreenshotAsync("register");
        await page.GetByTestId("register-submit").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Uri(fixture.BaseAddress, "welcome").ToString());
        await session.WaitForInteractiveAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Welcome to Milestones");
        await session.ScreenshotAsync("onboarding-welcome");
        await page.GetByTestId("onboarding-next").ClickAsync();
        await page.GetByTestId("onboarding-finish").ClickAsync();
        await Expect(page.GetByText("Give the habit a name.")).ToBeVisibleAsync();
        await page.GetByTestId("onboarding-habit").FillAsync("Drink a glass of water");
        await session.ScreenshotAsync("onboarding-habit");
        await page.GetByTestId("onboarding-finish").ClickAsync();

        await Expect(page.GetByTestId("celebration-title")).ToHaveTextAsync("Welcome aboard!");
        await ExpectConfettiBurstsAsync(page, atLeast: 1);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Today", Level = 1 })).ToBeVisibleAsync();
        await session.ScreenshotAsync("onboarding-confetti");
        await page.GetByTestId("celebration-dismiss").ClickAsync();
        await Expect(page.GetByTestId("celebration-card")).ToHaveCountAsync(0);

        var tooLong = new string('w', 281);
        await page.GetByTestId("win-text").FillAsync(tooLong);
        await page.GetByTestId("log-win").ClickAsync();
        await Expect(page.GetByText("A win can be at most 280 characters.", new() { Exact = false })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("win-text")).ToHaveValueAsync(tooLong);
        await session.ScreenshotAsync("win-too-long");

        // From here on by keyboard: the card takes the focus, Tab reaches Dismiss, and closing gives the focus back.
        await page.GetByTestId("win-text").FillAsync("Signed up and named my first habit");
        await page.GetByTestId("win-text").PressAsync("Tab");
        await Expect(page.GetByTestId("log-win")).ToBeFocusedAsync();
        await ExpectVisibleFocusAsync(page);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByTestId("celebration-title")).ToHaveTextAsync("First win");
        // One habit done short of the next milestone, named at onboarding and not yet done: the card says so.
        await Expect(page.GetByTestId("celebration-next")).ToHaveTextAsync("Next: First habit done — 1 to go");
        await Expect(page.Locator(".celebration-toast")).ToBeFocusedAsync();
        await ExpectConfettiBurstsAsync(page, atLeast: 2);
        await Expect(page.GetByTestId("win-entry")).ToHaveTextAsync("Signed up and named my first habit");
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByTestId("celebration-dismiss")).ToBeFocusedAsync();
        await ExpectVisibleFocusAsync(page);
        await session.ScreenshotAsync("first-win-celebrated");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByTestId("celebration-card")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("log-win")).ToBeFocusedAsync();

        await page.GetByTestId("habit-done").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByTestId("celebration-title")).ToHaveTextAsync("First habit done");
        await Expect(page.GetByTestId("habit-done-chip")).ToHaveTextAsync("Done today");
        await Expect(page.Locator(".celebration-toast")).ToBeFocusedAsync();
        await session.ScreenshotAsync("habit-done");
        await page.Keyboard.PressAsync("Tab");
        await ExpectVisibleFocusAsync(page);
        await page.Keyboard.PressAsync("Enter");
        // The Done button became a chip: the focus lands on the page's heading instead of the page's end.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Today", Level = 1 })).ToBeFocusedAsync();
        await page.SetViewportSizeAsync(390, 844);
        await session.ScreenshotAsync("today-on-a-phone");
        await page.SetViewportSizeAsync(1280, 860);

        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Milestones" }).ClickAsync();
        var firstWin = page.Locator("[data-testid=receipt][data-code=first_win]");
        await Expect(firstWin).ToHaveAttributeAsync("data-earned", "true");
        await Expect(firstWin.GetByTestId("receipt-date")).ToHaveTextAsync($"Earned on {fixture.Today.ToString("D", CultureInfo.GetCultureInfo("en"))}");
        await Expect(page.Locator("[data-code=wins_10] [data-testid=receipt-progress]")).ToContainTextAsync("1 / 10");
        await session.ScreenshotAsync("receipts");

        await page.GetByTestId("culture-switcher").Locator("summary").ClickAsync();
        await page.Locator("a[data-culture=es]").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Tus hitos");
        await Expect(firstWin).ToContainTextAsync("Primer logro");
        await Expect(firstWin.GetByTestId("receipt-date")).ToHaveTextAsync($"Alcanzado el {fixture.Today.ToString("D", CultureInfo.GetCultureInfo("es"))}");
        await session.WaitForInteractiveAsync();
        await session.ScreenshotAsync("receipts-in-spanish");

        await page.GetByTestId("account-menu").Locator("summary").ClickAsync();
        await page.GetByTestId("sign-out").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Guarda los recibos de tu progreso.");
        await session.ScreenshotAsync("signed-out");

        await page.GotoAsync("Account/Login");
        await page.Locator("#Input\\.Email").FillAsync(email);
        await page.Locator("#Input\\.Password").FillAsync(Password);
        await session.ScreenshotAsync("sign-in");
        await page.GetByTestId("login-submit").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Hoy", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("win-entry")).ToHaveTextAsync("Signed up and named my first habit");
        await session.WaitForInteractiveAsync();
        await session.ScreenshotAsync("signed-in-again");

        Assert.Empty(session.Errors);
    }

    /// <summary>The focused element shows a focus ring of at least 2 px (WCAG 2.4.7).</summary>
    internal static async Task ExpectVisibleFocusAsync(IPage page) =>
        Assert.True(await page.EvaluateAsync<bool>("""
            () => {
                const style = getComputedStyle(document.activeElement);
                return style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
            }
            """), "The focused element shows no focus ring.");

    private static async Task ExpectConfettiBurstsAsync(IPage page, int atLeast)
    {
        var canvas = page.GetByTestId("confetti-canvas");
        await Expect(canvas).ToHaveCountAsync(1);
        await Expect(canvas).ToHaveAttributeAsync("data-bursts", new System.Text.RegularExpressions.Regex("^[0-9]+$"));
        await page.WaitForFunctionAsync(
            "min => Number(document.querySelector('[data-testid=confetti-canvas]')?.dataset.bursts ?? 0) >= min", atLeast);
    }
}
