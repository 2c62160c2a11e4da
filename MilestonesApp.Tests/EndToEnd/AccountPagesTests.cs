using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MilestonesApp.Application.Accounts;
using MilestonesApp.Data;
using MilestonesApp.Engine;
using MilestonesApp.Tests.Shared;
using static Microsoft.Playwright.Assertions;

namespace MilestonesApp.Tests.EndToEnd;

/// <summary>
/// The account pages beyond signing in and registering, in Chromium with a screenshot of each: they look like the
/// rest of the app, speak the reader's language, never promise an e-mail, and every way of signing in counts a login.
/// </summary>
public sealed class AccountPagesTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Password = "Account-pages-1";

    [Fact]
    public async Task Pages_reached_without_signing_in_explain_themselves_and_promise_no_email()
    {
        fixture.RequireBrowser();
        await using var session = await BrowserSession.OpenAsync(fixture, "account-anonymous");
        var page = session.Page;

        await page.GotoAsync("Account/Login");
        await page.GetByRole(AriaRole.Link, new() { Name = "Forgot your password?" }).ClickAsync();
        await ExpectTitleAsync(page, "Forgot your password?");
        await Expect(page.GetByText("this app doesn't send email", new() { Exact = false })).ToBeVisibleAsync();
        await Expect(page.Locator("form")).ToHaveCountAsync(0);
        await session.ScreenshotAsync("forgot-password");
        await page.GetByRole(AriaRole.Link, new() { Name = "Back to sign in" }).ClickAsync();
        await ExpectTitleAsync(page, "Welcome back");

        await page.GotoAsync("Account/ResendEmailConfirmation");
        await ExpectTitleAsync(page, "Confirm your email");
        await Expect(page.GetByText("you can sign in right away", new() { Exact = false })).ToBeVisibleAsync();
        await session.ScreenshotAsync("resend-confirmation");

        await page.GotoAsync("Account/ResetPassword?code=abcd");
        await ExpectTitleAsync(page, "Choose a new password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Reset password" }).ClickAsync();
        await Expect(page.GetByText("Please enter a password.")).ToBeVisibleAsync();
        await session.ScreenshotAsync("reset-password");

        var demoId = await UserIdAsync(DevelopmentAccounts.DemoEmail);
        foreach (var (path, title) in new[]
        {
            ($"Account/ConfirmEmail?userId={demoId}&code=abcd", "Confirm your email"),
            ($"Account/RegisterConfirmation?email={DevelopmentAccounts.DemoEmail}", "Confirm your account"),
            ("Account/InvalidUser", "Account not found"),
            ("Account/ForgotPasswordConfirmation", "Forgot your password?"),
            ("Account/ResetPasswordConfirmation", "Password reset"),
            ("Account/InvalidPasswordReset", "This link doesn't work"),
            ("Account/Lockout", "Account locked"),
            ("Account/LoginWith2fa", "Welcome back"),
            ("Account/LoginWithRecoveryCode", "Welcome back"),
        })
        {
            await page.GotoAsync(path);
            await ExpectTitleAsync(page, title);
            await session.ScreenshotAsync(path.Split('?')[0].Replace("Account/", "", StringComparison.Ordinal).ToLowerInvariant());
        }

        await page.GotoAsync("Culture/Set?culture=de&redirectUri=%2FAccount%2FLockout");
        await ExpectTitleAsync(page, "Konto gesperrt");
        await session.ScreenshotAsync("lockout-in-german");

        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task Two_factor_authentication_is_set_up_then_asked_for_at_sign_in()
    {
        fixture.RequireBrowser();
        await using var session = await BrowserSession.OpenAsync(fixture, "account-two-factor");
        var page = session.Page;
        var email = await RegisterAsync(page);

        await page.GotoAsync("Account/Manage/TwoFactorAuthentication");
        await ExpectSectionAsync(page, "Two-factor authentication");
        await Expect(page.GetByTestId("two-factor-state")).ToContainTextAsync("is off");
        await session.ScreenshotAsync("two-factor-off");
        await page.GetByRole(AriaRole.Link, new() { Name = "Add an authenticator app" }).ClickAsync();
        await ExpectSectionAsync(page, "Set up an authenticator app");
        await session.ScreenshotAsync("enable-authenticator");
        await page.Locator("#Input\\.Code").FillAsync("000000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Verify" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("That code is not right. Check the key in the app and try again.");
        var key = (await page.GetByTestId("authenticator-key").TextContentAsync())!.Replace(" ", "", StringComparison.Ordinal);
        await page.Locator("#Input\\.Code").FillAsync(Totp.Code(key, DateTimeOffset.UtcNow));
        await page.GetByRole(AriaRole.Button, new() { Name = "Verify" }).ClickAsync();

        await ExpectSectionAsync(page, "Your recovery codes");
        var recoveryCodes = page.GetByTestId("recovery-codes").Locator("li");
        await Expect(recoveryCodes).ToHaveCountAsync(10);
        var recoveryCode = await recoveryCodes.First.TextContentAsync();
        await session.ScreenshotAsync("recovery-codes");
        await page.GetByRole(AriaRole.Link, new() { Name = "I've saved them" }).ClickAsync();
        await Expect(page.GetByTestId("two-factor-state")).ToContainTextAsync("is on");
        await session.ScreenshotAsync("two-factor-on");

        foreach (var (link, title) in new[]
        {
            ("New recovery codes", "Make new recovery codes"),
            ("Turn off two-factor authentication", "Turn off two-factor authentication"),
            ("Reset the authenticator key", "Reset the authenticator key"),
        })
        {
            await page.GotoAsync("Account/Manage/TwoFactorAuthentication");
            await page.GetByRole(AriaRole.Link, new() { Name = link }).ClickAsync();
            await ExpectSectionAsync(page, title);
            await session.ScreenshotAsync(title.Replace(' ', '-').ToLowerInvariant());
        }

        await SignOutAsync(page);
        var loginsBefore = await LoginsAsync(email);
        await FillSignInAsync(page, email);
        await ExpectTitleAsync(page, "Two-factor authentication");
        await session.ScreenshotAsync("sign-in-asks-for-code");
        await page.GetByRole(AriaRole.Link, new() { Name = "Use a recovery code" }).ClickAsync();
        await ExpectTitleAsync(page, "Sign in with a recovery code");
        await page.Locator("#Input\\.RecoveryCode").FillAsync(recoveryCode!);
        await session.ScreenshotAsync("sign-in-with-recovery-code");
        await page.GetByTestId("recovery-submit").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/welcome$"));
        Assert.Equal(loginsBefore + 1, await LoginsAsync(email));

        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task A_passkey_is_added_named_used_to_sign_in_and_deleted()
    {
        fixture.RequireBrowser();
        await using var session = await BrowserSession.OpenAsync(fixture, "account-passkey");
        var page = session.Page;
        await AddVirtualAuthenticatorAsync(page);
        var email = await RegisterAsync(page);

        await page.GotoAsync("Account/Manage/Passkeys");
        await ExpectSectionAsync(page, "Passkeys");
        await Expect(page.GetByText("You have no passkeys yet.")).ToBeVisibleAsync();
        await session.ScreenshotAsync("no-passkeys");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a passkey" }).ClickAsync();
        await ExpectSectionAsync(page, "Name your passkey");
        await page.Locator("#Input\\.Name").FillAsync("Test laptop");
        await session.ScreenshotAsync("name-passkey");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("The passkey was renamed.");
        await Expect(page.GetByTestId("passkey")).ToContainTextAsync("Test laptop");
        await session.ScreenshotAsync("passkeys");

        await SignOutAsync(page);
        var loginsBefore = await LoginsAsync(email);
        // The sign-in page offers passkeys through the browser's autofill, and the virtual authenticator accepts at
        // once: the form is sent with the passkey as soon as the page opens, as a person picking it would send it.
        await page.GotoAsync("Account/Login");
        await Expect(page).ToHaveURLAsync(new Regex("/welcome$"));
        Assert.Equal(loginsBefore + 1, await LoginsAsync(email));

        await page.GotoAsync("Culture/Set?culture=de&redirectUri=%2FAccount%2FManage%2FPasskeys");
        await ExpectSectionAsync(page, "Passkeys");
        await page.GetByRole(AriaRole.Button, new() { Name = "Löschen" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Der Passkey wurde gelöscht.");
        await Expect(page.GetByTestId("passkey")).ToHaveCountAsync(0);
        await session.ScreenshotAsync("passkey-deleted-in-german");

        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task The_other_account_pages_look_like_the_app_and_promise_no_email()
    {
        fixture.RequireBrowser();
        await using var session = await BrowserSession.OpenAsync(fixture, "account-manage");
        var page = session.Page;
        await RegisterAsync(page);

        await page.GotoAsync("Account/Manage");
        await page.GetByRole(AriaRole.Link, new() { Name = "Email" }).ClickAsync();
        await ExpectSectionAsync(page, "Email");
        await Expect(page.GetByText("this app doesn't send email, so it can't be changed here", new() { Exact = false })).ToBeVisibleAsync();
        await session.ScreenshotAsync("email");

        await page.GetByRole(AriaRole.Link, new() { Name = "Personal data" }).ClickAsync();
        await ExpectSectionAsync(page, "Personal data");
        await session.ScreenshotAsync("personal-data");
        await page.GetByRole(AriaRole.Link, new() { Name = "Close your account" }).ClickAsync();
        await ExpectSectionAsync(page, "Close your account");
        await page.Locator("#Input\\.Password").FillAsync("not my password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Close my account for good" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("That password is not right.");
        await session.ScreenshotAsync("close-account-refused");

        await page.GotoAsync("Account/Manage/ExternalLogins");
        await ExpectSectionAsync(page, "External logins");
        await page.GotoAsync("Account/Manage/SetPassword");
        await ExpectSectionAsync(page, "Password");

        await page.GotoAsync("Culture/Set?culture=es&redirectUri=%2FAccount%2FManage%2FTwoFactorAuthentication");
        await ExpectSectionAsync(page, "Verificación en dos pasos");
        await session.ScreenshotAsync("two-factor-in-spanish");

        await page.GotoAsync("Account/Manage/DeletePersonalData");
        await page.Locator("#Input\\.Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Cerrar mi cuenta para siempre" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Guarda los recibos de tu progreso.");
        await session.ScreenshotAsync("account-closed");

        Assert.Empty(session.Errors);
    }

    private static Task ExpectTitleAsync(IPage page, string title) =>
        Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);

    private static Task ExpectSectionAsync(IPage page, string title) =>
        Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToHaveTextAsync(title);

    private static async Task<string> RegisterAsync(IPage page)
    {
        var email = $"account-{Guid.NewGuid():N}@example.com";
        await page.GotoAsync("Account/Register");
        await page.Locator("#Input\\.Email").FillAsync(email);
        await page.Locator("#Input\\.Password").FillAsync(Password);
        await page.Locator("#Input\\.ConfirmPassword").FillAsync(Password);
        await page.GetByTestId("register-submit").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/welcome$"));
        return email;
    }

    private static async Task FillSignInAsync(IPage page, string email)
    {
        await page.GotoAsync("Account/Login");
        await page.Locator("#Input\\.Email").FillAsync(email);
        await page.Locator("#Input\\.Password").FillAsync(Password);
        await page.GetByTestId("login-submit").ClickAsync();
    }

    private static async Task SignOutAsync(IPage page)
    {
        await page.GotoAsync("Account/Manage");
        await page.GetByTestId("account-menu").Locator("summary").ClickAsync();
        await page.GetByTestId("sign-out").ClickAsync();
        await Expect(page.GetByTestId("account-menu")).ToHaveCountAsync(0);
    }

    // Chromium's virtual authenticator (DevTools WebAuthn domain) stands in for a phone or security key.
    private static async Task AddVirtualAuthenticatorAsync(IPage page)
    {
        var devTools = await page.Context.NewCDPSessionAsync(page);
        await devTools.SendAsync("WebAuthn.enable");
        await devTools.SendAsync("WebAuthn.addVirtualAuthenticator", new Dictionary<string, object>
        {
            ["options"] = new Dictionary<string, object>
            {
                ["protocol"] = "ctap2",
                ["transport"] = "internal",
                ["hasResidentKey"] = true,
                ["hasUserVerification"] = true,
                ["isUserVerified"] = true,
                ["automaticPresenceSimulation"] = true,
            },
        });
    }

    private async Task<string> UserIdAsync(string email)
    {
        using var scope = fixture.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email))!.Id;
    }

    private async Task<int> LoginsAsync(string email)
    {
        var userId = await UserIdAsync(email);
        await using var db = await fixture.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Events.CountAsync(e => e.UserId == userId && e.EventType == EventTypes.UserLoggedIn);
    }
}
