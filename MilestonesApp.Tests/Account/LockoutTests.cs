using MilestonesApp.Tests.Shared;

namespace MilestonesApp.Tests.Account;

/// <summary>Five wrong answers on any sign-in path lock the account for 15 minutes, the right password included.</summary>
public sealed class LockoutTests(MilestonesAppFactory app) : IClassFixture<MilestonesAppFactory>
{
    private const int AllowedFailures = 5;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        var person = await TestPerson.CreateAsync(app);
        using var browser = new FormClient(app);
        for (var attempt = 1; attempt < AllowedFailures; attempt++)
        {
            using var wrong = await person.SignInAsync(browser, "not-the-passphrase");
            Assert.Equal(System.Net.HttpStatusCode.OK, wrong.StatusCode);
        }

        using var fifth = await person.SignInAsync(browser, "not-the-passphrase");
        Assert.Equal("/Account/Lockout", FormClient.RedirectTarget(fifth));

        using var right = await person.SignInAsync(browser);
        Assert.Equal("/Account/Lockout", FormClient.RedirectTarget(right));
    }

    [Theory]
    [InlineData("/Account/LoginWith2fa", "Input.TwoFactorCode", "000000")]
    [InlineData("/Account/LoginWithRecoveryCode", "Input.RecoveryCode", "WRONG-CODE")]
    public async Task Five_wrong_second_factor_codes_lock_the_account(string page, string field, string wrongCode)
    {
        var person = await TestPerson.CreateAsync(app, twoFactor: true);
        using var browser = new FormClient(app);
        using var passwordStep = await person.SignInAsync(browser);

        using var last = await FailRepeatedlyAsync(browser, page, field, wrongCode);

        Assert.Equal("/Account/Lockout", FormClient.RedirectTarget(last));
        using var anotherBrowser = new FormClient(app);
        using var right = await person.SignInAsync(anotherBrowser);
        Assert.Equal("/Account/Lockout", FormClient.RedirectTarget(right));
    }

    private static async Task<HttpResponseMessage> FailRepeatedlyAsync(FormClient browser, string path, string field, string wrongValue)
    {
        for (var attempt = 1; attempt < AllowedFailures; attempt++)
        {
            using var wrong = await browser.SubmitAsync(path, new Dictionary<string, string> { [field] = wrongValue }, Ct);
            Assert.Equal(System.Net.HttpStatusCode.OK, wrong.StatusCode);
        }

        return await browser.SubmitAsync(path, new Dictionary<string, string> { [field] = wrongValue }, Ct);
    }
}
