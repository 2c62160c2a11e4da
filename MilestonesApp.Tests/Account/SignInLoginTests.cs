using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MilestonesApp.Data;
using MilestonesApp.Engine;
using MilestonesApp.Tests.Shared;

namespace MilestonesApp.Tests.Account;

/// <summary>
/// DESIGN.md "Logins": every way of signing in records a UserLoggedIn, driven through the real sign-in pages over HTTP.
/// </summary>
public sealed class SignInLoginTests(MilestonesAppFactory app) : IClassFixture<MilestonesAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_password_sign_in_records_a_login()
    {
        var person = await TestPerson.CreateAsync(app);
        using var browser = new FormClient(app);

        using var signIn = await person.SignInAsync(browser);

        Assert.Equal("/", FormClient.RedirectTarget(signIn));
        Assert.Equal(1, await LoginsAsync(person));
    }

    [Fact]
    public async Task A_two_factor_sign_in_records_a_login_once_the_code_is_accepted()
    {
        var person = await TestPerson.CreateAsync(app, twoFactor: true);
        using var browser = new FormClient(app);
        using var passwordStep = await person.SignInAsync(browser);
        var codeStep = FormClient.RedirectTarget(passwordStep);
        Assert.StartsWith("/Account/LoginWith2fa", codeStep, StringComparison.Ordinal);
        Assert.Equal(0, await LoginsAsync(person));

        // Identity checks the code against the wall clock (within 90 seconds either way), so the code is made from it.
        var code = Totp.Code(person.AuthenticatorKey!, DateTimeOffset.UtcNow);
        using var signIn = await browser.SubmitAsync(codeStep, new Dictionary<string, string> { ["Input.TwoFactorCode"] = code }, Ct);

        Assert.Equal("/", FormClient.RedirectTarget(signIn));
        Assert.Equal(1, await LoginsAsync(person));
    }

    [Fact]
    public async Task A_recovery_code_sign_in_records_a_login()
    {
        var person = await TestPerson.CreateAsync(app, twoFactor: true);
        using var browser = new FormClient(app);
        using var passwordStep = await person.SignInAsync(browser);

        using var signIn = await browser.SubmitAsync(
            "/Account/LoginWithRecoveryCode", new Dictionary<string, string> { ["Input.RecoveryCode"] = person.RecoveryCode! }, Ct);

        Assert.Equal("/", FormClient.RedirectTarget(signIn));
        Assert.Equal(1, await LoginsAsync(person));
    }

    [Fact]
    public async Task A_wrong_two_factor_code_records_no_login()
    {
        var person = await TestPerson.CreateAsync(app, twoFactor: true);
        using var browser = new FormClient(app);
        using var passwordStep = await person.SignInAsync(browser);

        using var refused = await browser.SubmitAsync(
            FormClient.RedirectTarget(passwordStep), new Dictionary<string, string> { ["Input.TwoFactorCode"] = "000000" }, Ct);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal(0, await LoginsAsync(person));
    }

    [Fact]
    public async Task The_two_factor_page_without_a_password_step_sends_back_to_sign_in()
    {
        using var browser = new FormClient(app);

        using var response = await browser.OpenAsync("/Account/LoginWith2fa", Ct);

        Assert.Equal("/Account/Login", FormClient.RedirectTarget(response));
    }

    private async Task<int> LoginsAsync(TestPerson person)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);
        return await db.Events.CountAsync(e => e.UserId == person.Id && e.EventType == EventTypes.UserLoggedIn, Ct);
    }
}
