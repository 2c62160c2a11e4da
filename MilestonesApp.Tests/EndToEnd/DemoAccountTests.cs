using Microsoft.Playwright;
using MilestonesApp.Application.Accounts;
using static Microsoft.Playwright.Assertions;

namespace MilestonesApp.Tests.EndToEnd;

/// <summary>The seeded demo account, as someone trying the app in Development meets it.</summary>
public sealed class DemoAccountTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_demo_account_finds_its_history_manages_habits_and_its_account()
    {
        fixture.RequireBrowser();
        await using var session = await BrowserSession.OpenAsync(fixture, "demo-account");
        var page = session.Page;

        await page.GotoAsync("milestones");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("Account/Login"));
        await page.Locator("#Input\\.Email").FillAsync(DevelopmentAccounts.DemoEmail);
        await page.Locator("#Input\\.Password").FillAsync("not the password");
        await page.GetByTestId("login-submit").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("That email and password do not match an account.");
        await session.ScreenshotAsync("sign-in-refused");

        await page.Locator("#Input\\.Password").FillAsync(DevelopmentAccounts.Password);
        await page.GetByTestId("login-submit").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Your milestones");
        await Expect(page.Locator("[data-testid=receipt][data-earned=true]")).ToHaveCountAsync(7);
        await Expect(page.Locator("[data-code=wins_10] [data-testid=receipt-progress]")).ToContainTextAsync("9 / 10");
        await session.WaitForInteractiveAsync();
        await session.ScreenshotAsync("receipts");

        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Today" }).ClickAsync();
        await Expect(page.GetByTestId("win-entry")).ToHaveCountAsync(8);
        await Expect(page.GetByTestId("habit-row")).ToHaveCountAsync(2);
        await session.ScreenshotAsync("today");

        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Habits" }).ClickAsync();
        await page.GetByTestId("habit-name").FillAsync("Stretch for five minutes");
        await page.GetByTestId("habit-create").ClickAsync();
        await Expect(page.GetByTestId("habit-item")).ToHaveCountAsync(3);
        var stretch = page.GetByTestId("habit-item").Filter(new() { HasText = "Stretch for five minutes" });
        await stretch.GetByTestId("habit-done").ClickAsync();
        await Expect(stretch.GetByTestId("habit-done-chip")).ToBeVisibleAsync();
        await page.GetByTestId("habit-rename").First.ClickAsync();
        await page.GetByTestId("habit-rename-text").FillAsync("Morning walk, 20 minutes");
        await page.GetByTestId("habit-rename-save").ClickAsync();
        await Expect(page.GetByTestId("habit-item").First).ToContainTextAsync("Morning walk, 20 minutes");
        await page.GetByTestId("habit-archive").Last.ClickAsync();
        await Expect(page.GetByTestId("habit-item")).ToHaveCountAsync(2);
        await session.ScreenshotAsync("habits");

        await page.GetByTestId("account-menu").Locator("summary").ClickAsync();
        await session.ScreenshotAsync("account-menu");
        await page.GetByRole(AriaRole.Menuitem, new() { Name = "Manage account" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Your account");
        await session.ScreenshotAsync("manage-profile");
        await page.GetByRole(AriaRole.Link, new() { Name = "Password" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        await Expect(page.GetByText("Please enter a password.").First).ToBeVisibleAsync();
        await session.ScreenshotAsync("manage-password");

        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync("");
        await session.WaitForInteractiveAsync();
        await Expect(page.GetByTestId("habit-row")).ToHaveCountAsync(2);
        await session.ScreenshotAsync("today-on-a-phone");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show or hide the menu" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Habits" })).ToBeVisibleAsync();
        await session.ScreenshotAsync("menu-on-a-phone");

        Assert.Empty(session.Errors);
    }
}
