using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using MilestonesApp.Data;

namespace MilestonesApp.Tests.Shared;

/// <summary>A registered account, made through Identity's own UserManager; with two-factor sign-in when asked.</summary>
internal sealed record TestPerson(string Id, string Email, string? AuthenticatorKey, string? RecoveryCode)
{
    public const string Password = "Sign-in-passphrase-1";

    public static async Task<TestPerson> CreateAsync(WebApplicationFactory<Program> app, bool twoFactor = false)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var email = $"{Guid.NewGuid():N}@example.com";
        var user = new ApplicationUser { UserName = email, Email = email };
        Succeeded(await users.CreateAsync(user, Password));
        if (!twoFactor)
        {
            return new TestPerson(user.Id, email, null, null);
        }

        Succeeded(await users.ResetAuthenticatorKeyAsync(user));
        Succeeded(await users.SetTwoFactorEnabledAsync(user, true));
        var recoveryCodes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 1);
        return new TestPerson(user.Id, email, await users.GetAuthenticatorKeyAsync(user), recoveryCodes!.Single());
    }

    /// <summary>Submits the sign-in form with this person's address and the given password.</summary>
    public Task<HttpResponseMessage> SignInAsync(FormClient browser, string password = Password) =>
        browser.SubmitAsync("/Account/Login", new Dictionary<string, string> { ["Input.Email"] = Email, ["Input.Password"] = password },
            TestContext.Current.CancellationToken);

    private static void Succeeded(IdentityResult result) => Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
}
