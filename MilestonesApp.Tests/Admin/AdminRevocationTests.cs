using System.Net;
using Microsoft.Extensions.DependencyInjection;
using MilestonesApp.Application.Accounts;
using MilestonesApp.Tests.Shared;

namespace MilestonesApp.Tests.Admin;

/// <summary>
/// Role changes work at once, whatever the cookie says: taken away, the admin's cookie still says Admin and the database
/// no longer does; given, the cookie does not say Admin yet and the database does.
/// </summary>
public sealed class AdminRevocationTests(MilestonesAppFactory app) : IClassFixture<MilestonesAppFactory>
{
    [Fact]
    public async Task A_revoked_admins_next_request_is_refused()
    {
        var ct = TestContext.Current.CancellationToken;
        using var browser = new FormClient(app);
        using var signIn = await browser.SubmitAsync("/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = DevelopmentAccounts.AdminEmail, ["Input.Password"] = DevelopmentAccounts.Password,
        }, ct);
        using (var before = await browser.OpenAsync("/admin", ct))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        using (var scope = app.Services.CreateScope())
        {
            Assert.Equal(RoleChange.Changed, await scope.ServiceProvider.GetRequiredService<AdminAccounts>().RevokeAsync(DevelopmentAccounts.AdminEmail));
        }

        using var after = await browser.OpenAsync("/admin", ct);
        Assert.StartsWith("/Account/AccessDenied", FormClient.RedirectTarget(after), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_newly_granted_admins_next_request_is_admitted_and_shows_the_admin_menu_item()
    {
        var ct = TestContext.Current.CancellationToken;
        using var browser = new FormClient(app);
        using var signIn = await browser.SubmitAsync("/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = DevelopmentAccounts.DemoEmail, ["Input.Password"] = DevelopmentAccounts.Password,
        }, ct);
        using (var before = await browser.OpenAsync("/admin", ct))
        {
            Assert.StartsWith("/Account/AccessDenied", FormClient.RedirectTarget(before), StringComparison.Ordinal);
        }

        using (var scope = app.Services.CreateScope())
        {
            Assert.Equal(RoleChange.Changed, await scope.ServiceProvider.GetRequiredService<AdminAccounts>().GrantAsync(DevelopmentAccounts.DemoEmail));
        }

        using var after = await browser.OpenAsync("/admin", ct);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        using var home = await browser.OpenAsync("/", ct);
        Assert.Contains("href=\"admin\"", await home.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
    }
}
