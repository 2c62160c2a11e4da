using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MilestonesApp.Application.Accounts;
using MilestonesApp.Data;
using MilestonesApp.Engine;
using static Microsoft.Playwright.Assertions;

namespace MilestonesApp.Tests.EndToEnd;

/// <summary>
/// An admin makes an API key on the admin tab; another service records an event with it over HTTP; the admin's open
/// tab celebrates the award at once, without a reload. Then the API's docs page, served by the app alone.
/// </summary>
public sealed class ApiLiveCelebrationJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task An_event_sent_to_the_API_is_celebrated_live_in_an_open_tab()
    {
        fixture.RequireBrowser();
        await using var session = await BrowserSession.OpenAsync(fixture, "api-live-celebration");
        var page = session.Page;
        var cancellationToken = TestContext.Current.CancellationToken;

        await page.GotoAsync("admin/api-keys");
        await page.Locator("#Input\\.Email").FillAsync(DevelopmentAccounts.AdminEmail);
        await page.Locator("#Input\\.Password").FillAsync(DevelopmentAccounts.Password);
        await page.GetByTestId("login-submit").ClickAsync();
        await Expect(page.GetByTestId("api-keys-empty")).ToBeVisibleAsync();
        await session.WaitForInteractiveAsync();
        await page.Locator("#api-key-name").FillAsync("mobile-app");
        await page.GetByTestId("api-key-create").ClickAsync();
        var key = await page.GetByTestId("api-key-secret").TextContentAsync();
        await Expect(page.Locator("[data-testid=api-key][data-name=mobile-app]")).ToBeVisibleAsync();
        await session.ScreenshotAsync("key-created");

        using var api = new HttpClient { BaseAddress = fixture.BaseAddress };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var response = await api.PostAsJsonAsync("api/v1/events", new
        {
            userId = await AdminUserIdAsync(),
            type = EventTypes.WinLogged,
            occurredAt = fixture.Clock.GetUtcNow(),
            idempotencyKey = "mobile-win-1",
        }, cancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        await Expect(page.GetByTestId("celebration-title")).ToHaveTextAsync("First win");
        await Expect(page).ToHaveURLAsync(new Uri(fixture.BaseAddress, "admin/api-keys").ToString());
        await session.ScreenshotAsync("celebrated-live");
        await page.GetByTestId("celebration-dismiss").ClickAsync();
        await Expect(page.GetByTestId("celebration-card")).ToHaveCountAsync(0);

        await page.GotoAsync("api/docs");
        await Expect(page.GetByText("Record one event").First).ToBeVisibleAsync();
        await session.ScreenshotAsync("api-docs");
        Assert.Empty(session.Errors);
    }

    private async Task<string> AdminUserIdAsync()
    {
        using var scope = fixture.Services.CreateScope();
        var admin = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(DevelopmentAccounts.AdminEmail);
        return admin!.Id;
    }
}
