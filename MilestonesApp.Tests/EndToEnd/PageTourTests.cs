using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MilestonesApp.Application.Accounts;
using static Microsoft.Playwright.Assertions;

namespace MilestonesApp.Tests.EndToEnd;

/// <summary>
/// The pages people and admins use most, in each language at a desktop's and a phone's width: screenshots to look at
/// (screenshots/tour-{locale}/ beside the test binaries), and at both widths the same fit checks as
/// <see cref="PhoneLayoutTests"/>: a long Spanish word breaks a phone's layout no more than a German one, and a desktop's
/// admin list shows every column.
/// </summary>
public sealed class PageTourTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    public static TheoryData<string> Locales => ["en-US", "es-ES", "de-DE"];

    [Theory]
    [MemberData(nameof(Locales))]
    public async Task The_main_pages_fit_both_widths_in_every_language(string locale)
    {
        fixture.RequireBrowser();
        await using var person = await BrowserSession.OpenAsync(fixture, $"tour-{locale}", locale);
        await SignInAsync(person.Page, DevelopmentAccounts.DemoEmail);
        foreach (var path in new[] { "", "habits", "milestones" })
        {
            await ShowAsync(person, path);
        }

        await using var admin = await BrowserSession.OpenAsync(fixture, $"tour-admin-{locale}", locale);
        await SignInAsync(admin.Page, DevelopmentAccounts.AdminEmail);
        await ShowAsync(admin, "admin");
        await admin.Page.GetByTestId("preview-first_win").ClickAsync();
        await Expect(admin.Page.GetByTestId("celebration-card")).ToBeVisibleAsync();
        await PhoneLayoutTests.ExpectCardOnScreenAsync(admin.Page);
        await admin.ScreenshotViewportAsync("admin-preview-phone");
        await admin.Page.GetByTestId("celebration-dismiss").ClickAsync();

        await admin.Page.GotoAsync("admin/users");
        await admin.WaitForInteractiveAsync();
        await admin.Page.Locator("#user-query").FillAsync(DevelopmentAccounts.DemoEmail);
        await admin.Page.GetByTestId("user-find").ClickAsync();
        await Expect(admin.Page.GetByTestId("user-report")).ToBeVisibleAsync();
        await PhoneLayoutTests.ExpectFitsAsync(admin, "admin-users-phone");
        await admin.Page.SetViewportSizeAsync(1280, 800);
        await PhoneLayoutTests.ExpectFitsAsync(admin, "admin-users-desktop");

        Assert.Empty(person.Errors);
        Assert.Empty(admin.Errors);
    }

    private static async Task ShowAsync(BrowserSession session, string path)
    {
        await session.Page.SetViewportSizeAsync(1280, 800);
        await session.Page.GotoAsync(path);
        await session.WaitForInteractiveAsync();
        await Expect(session.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        var name = path.Length == 0 ? "today" : path;
        await PhoneLayoutTests.ExpectFitsAsync(session, $"{name}-desktop");
        await session.Page.SetViewportSizeAsync(390, 844);
        await PhoneLayoutTests.ExpectFitsAsync(session, $"{name}-phone");
    }

    private static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("Account/Login");
        await page.Locator("#Input\\.Email").FillAsync(email);
        await page.Locator("#Input\\.Password").FillAsync(DevelopmentAccounts.Password);
        await page.GetByTestId("login-submit").ClickAsync();
        await Expect(page).Not.ToHaveURLAsync(new Regex("Account/Login"));
    }
}
