using System.Net;
using Microsoft.Extensions.DependencyInjection;
using MilestonesApp.Application.Accounts;
using MilestonesApp.Tests.Shared;

namespace MilestonesApp.Tests.Admin;

/// <summary>Taking the role away works at once: the admin's cookie still says Admin, the database no longer does.</summary>
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
}
