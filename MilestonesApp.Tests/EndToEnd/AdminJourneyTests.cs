using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MilestonesApp.Application.Accounts;
using static Microsoft.Playwright.Assertions;

namespace MilestonesApp.Tests.EndToEnd;

/// <summary>The admin tab in Chromium: sign in, preview celebrations, create a milestone, award it retroactively; users are kept out.</summary>
public sealed class AdminJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task An_admin_previews_a_celebration_creates_a_milestone_and_backfills_it()
    {
        fixture.RequireBrowser();
        await using var session = await BrowserSession.OpenAsync(fixture, "admin");
        var page = session.Page;

        await SignInAsync(page, "admin", DevelopmentAccounts.AdminEmail);
        await Expect(page).ToHaveURLAsync(new Regex("/admin$"));
        await session.WaitForInteractiveAsync();
        await Expect(page.GetByTestId("rule-summary").First).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Admin" })).ToBeVisibleAsync();
        await session.ScreenshotAsync("milestones");
        await ExpectDrawerCoversTheViewportAtTheBottomOfTheListAsync(session);

        await page.GetByTestId("preview-first_win").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByTestId("celebration-title")).ToHaveTextAsync("First win");
        await Expect(page.Locator(".celebration-toast")).ToBeFocusedAsync();
        await session.ScreenshotAsync("preview-confetti");
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByTestId("celebration-dismiss")).ToBeFocusedAsync();
        await NewPersonJourneyTests.ExpectVisibleFocusAsync(page);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByTestId("preview-first_win")).ToBeFocusedAsync();
        await page.GetByTestId("preview-wins_10").ClickAsync();
        await Expect(page.GetByTestId("celebration-video")).ToBeVisibleAsync();
        await session.ScreenshotAsync("preview-video");
        await page.GetByTestId("celebration-dismiss").ClickAsync();
        await page.Locator(".mud-select:has(#preview-culture) .mud-input-control").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Español" }).ClickAsync();
        // The select shows the language once the server has taken it; a preview clicked before would still play English.
        await Expect(page.Locator("#preview-culture")).ToHaveValueAsync("es");
        await page.GetByTestId("preview-first_win").ClickAsync();
        await Expect(page.GetByTestId("celebration-title")).ToHaveTextAsync("Primer logro");
        await Expect(page.GetByTestId("celebration-card")).ToContainTextAsync("Nuevo hito");
        await Expect(page.GetByTestId("celebration-dismiss")).ToHaveTextAsync("Cerrar");
        await session.ScreenshotAsync("preview-in-spanish");
        await page.GetByTestId("celebration-dismiss").ClickAsync();
        await page.GetByTestId("preview-grouped").ClickAsync();
        await Expect(page.GetByTestId("celebration-title")).ToHaveTextAsync("4 hitos nuevos");
        await session.ScreenshotBothSizesAsync("preview-grouped-in-spanish");
        await page.SetViewportSizeAsync(1280, 860);
        await page.GetByTestId("celebration-dismiss").ClickAsync();
        await Expect(page.GetByTestId("celebration-card")).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Link, new() { Name = "New milestone" }).ClickAsync();
        await page.Locator("#milestone-code").FillAsync("two_wins");
        await page.Locator("#milestone-title").FillAsync("Two wins");
        await page.Locator("#milestone-description").FillAsync("Two wins logged: a pattern begins.");
        await page.Locator("#rule-threshold").FillAsync("0");
        await page.Locator("#rule-threshold").BlurAsync();
        await Expect(page.Locator("#rule-json")).ToHaveValueAsync("{\"field\":\"total_wins\",\"threshold\":0}");
        await page.GetByTestId("save-milestone").ClickAsync();
        await Expect(page.GetByText("Enter a whole number from 1 to 1,000,000.")).ToBeVisibleAsync();
        await session.ScreenshotAsync("form-refuses");
        await page.Locator("#rule-threshold").FillAsync("2");
        await page.Locator("#rule-threshold").BlurAsync();
        // The JSON is built on the server from the fields: once it shows 2, saving cannot race the field's change.
        await Expect(page.Locator("#rule-json")).ToHaveValueAsync("{\"field\":\"total_wins\",\"threshold\":2}");
        await page.GetByTestId("save-milestone").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/admin/milestones/two_wins/edit$"));
        await Expect(page.GetByTestId("missing-texts-es")).ToContainTextAsync("two_wins.title");

        // Saved as a draft: it goes live, awarding the past, when the admin says so.
        await Expect(page.GetByTestId("lifecycle-state")).ToHaveTextAsync("Draft");
        await page.GetByTestId("go-live").ClickAsync();
        await Expect(page.GetByTestId("backfill-result")).ToContainTextAsync("Newly awarded: 1.");
        await Expect(page.GetByTestId("lifecycle-state")).ToHaveTextAsync("Live");
        await session.ScreenshotAsync("backfill");
        await page.GetByTestId("backfill-run").ClickAsync();
        await Expect(page.GetByTestId("backfill-result")).ToContainTextAsync("Newly awarded: 0.");

        await page.GetByRole(AriaRole.Link, new() { Name = "Users" }).ClickAsync();
        await page.Locator("#user-query").FillAsync(DevelopmentAccounts.DemoEmail);
        await page.GetByTestId("user-find").ClickAsync();
        await Expect(page.GetByTestId("user-awards")).ToContainTextAsync("two_wins");
        await session.ScreenshotAsync("user-lookup");
        Assert.Empty(session.Errors);

        await using var recipient = await BrowserSession.OpenAsync(fixture, "backfill-recipient");
        await SignInAsync(recipient.Page, "milestones", DevelopmentAccounts.DemoEmail);
        await Expect(recipient.Page.GetByTestId("celebration-card")).ToContainTextAsync("Two wins");
        await recipient.ScreenshotAsync("celebrated-on-next-visit");
    }

    [Fact]
    public async Task A_signed_in_user_is_denied_the_admin_tab()
    {
        fixture.RequireBrowser();
        await using var session = await BrowserSession.OpenAsync(fixture, "admin-denied");
        var page = session.Page;

        await SignInAsync(page, "admin", DevelopmentAccounts.DemoEmail);

        await Expect(page).ToHaveURLAsync(new Regex("Account/AccessDenied"));
        await Expect(page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Admin" })).ToHaveCountAsync(0);
        await session.ScreenshotAsync("access-denied");
    }

    // A full-page screenshot draws the fixed drawer once, at the top, so it seems to stop partway down a long page;
    // scrolled to the bottom in a real viewport, the panel must still run from the app bar to the viewport's foot.
    private static async Task ExpectDrawerCoversTheViewportAtTheBottomOfTheListAsync(BrowserSession session)
    {
        const int Height = 800;
        var page = session.Page;
        await page.SetViewportSizeAsync(1280, Height);
        await page.EvaluateAsync("window.scrollTo(0, document.documentElement.scrollHeight)");
        Assert.True(await page.EvaluateAsync<double>("window.scrollY") > 0, "The milestone list should be longer than the viewport.");
        await session.ScreenshotViewportAsync("milestones-scrolled-to-bottom");

        var appBar = await page.Locator(".mud-appbar").BoundingBoxAsync();
        var drawer = await page.Locator(".mud-drawer").BoundingBoxAsync();
        Assert.NotNull(appBar);
        Assert.NotNull(drawer);
        Assert.True(drawer.Y <= appBar.Y + appBar.Height && drawer.Y + drawer.Height >= Height,
            $"The drawer spans {drawer.Y} to {drawer.Y + drawer.Height} px in a {Height} px viewport under a {appBar.Height} px app bar.");
        await page.SetViewportSizeAsync(1280, 860);
    }

    [Fact]
    public async Task An_admin_translates_a_new_milestone_beside_its_default_and_the_list_says_who_sees_the_default()
    {
        fixture.RequireBrowser();
        await using var session = await BrowserSession.OpenAsync(fixture, "admin-translations");
        var page = session.Page;
        await SignInAsync(page, "admin/milestones/new", DevelopmentAccounts.AdminEmail);
        await session.WaitForInteractiveAsync();

        await page.Locator("#milestone-code").FillAsync("pair_of_habits");
        await page.Locator("#milestone-title").FillAsync("A pair of habits");
        await page.Locator("#milestone-description").FillAsync("Two habits done.");
        await page.Locator("#translation-de-title").FillAsync("Ein Paar Gewohnheiten");
        await page.Locator("#translation-de-description").FillAsync("Zwei Gewohnheiten erledigt.");
        // Out of the demo account's reach: the journeys share one app, and this milestone must not join another's celebration.
        await page.Locator("#rule-threshold").FillAsync("5000");
        await page.Locator("#rule-threshold").BlurAsync();
        await Expect(page.Locator("#rule-json")).ToHaveValueAsync("{\"field\":\"total_wins\",\"threshold\":5000}");
        await Expect(page.GetByTestId("default-seen-in")).ToHaveTextAsync("Seen with the default texts: English, Español.");
        await session.ScreenshotAsync("form-with-translations");
        await page.GetByTestId("save-milestone").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/admin/milestones/pair_of_habits/edit$"));
        await Expect(page.Locator("#translation-de-title")).ToHaveValueAsync("Ein Paar Gewohnheiten");
        await Expect(page.GetByTestId("missing-texts-de")).ToContainTextAsync("complete");
        await Expect(page.GetByTestId("missing-texts-en")).ToHaveCountAsync(0);

        await page.GotoAsync("admin");
        await Expect(page.GetByTestId("texts-pair_of_habits")).ToHaveTextAsync("es");
        await Expect(page.GetByTestId("texts-first_win")).ToHaveTextAsync("");
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
