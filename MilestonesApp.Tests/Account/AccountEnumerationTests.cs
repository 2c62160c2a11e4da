using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using MilestonesApp.Data;
using MilestonesApp.Tests.Shared;

namespace MilestonesApp.Tests.Account;

/// <summary>No page tells whether an address has an account: not its answer, not its time, not a lockout.</summary>
public sealed partial class AccountEnumerationTests
{
    private const int AllowedFailures = 5;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Register_confirmation_reads_the_same_for_every_address_and_shows_no_link()
    {
        await using var app = new ProductionAppFactory();
        var person = await TestPerson.CreateAsync(app);
        using var browser = new FormClient(app);

        using var registered = await browser.OpenAsync($"/Account/RegisterConfirmation?email={Uri.EscapeDataString(person.Email)}", Ct);
        using var unknown = await browser.OpenAsync("/Account/RegisterConfirmation?email=nobody%40example.com", Ct);

        Assert.Equal(HttpStatusCode.OK, registered.StatusCode);
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        var registeredPage = await registered.Content.ReadAsStringAsync(Ct);
        Assert.DoesNotContain("ConfirmEmail", registeredPage, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(person.Id, registeredPage, StringComparison.Ordinal);
        // The pages link back to themselves, so each holds its own address (escaped once or twice); the rest is the same.
        Assert.Equal(
            Comparable(registeredPage.Replace(person.Email.Split('@')[0], "someone", StringComparison.Ordinal)),
            Comparable((await unknown.Content.ReadAsStringAsync(Ct)).Replace("nobody", "someone", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_wrong_password_costs_one_hash_check_and_reads_the_same_for_an_unknown_address()
    {
        var hasher = new CountingPasswordHasher();
        await using var app = new ProductionAppFactory();
        app.TestServices.Add(services => services.AddSingleton<IPasswordHasher<ApplicationUser>>(hasher));
        var person = await TestPerson.CreateAsync(app);
        using var browser = new FormClient(app);

        hasher.Verifications = 0;
        using var registered = await person.SignInAsync(browser, "not-the-passphrase");
        var registeredChecks = hasher.Verifications;
        hasher.Verifications = 0;
        using var unknown = await browser.SubmitAsync("/Account/Login", Credentials("nobody@example.com", "not-the-passphrase"), Ct);

        Assert.Equal(1, registeredChecks);
        Assert.Equal(1, hasher.Verifications);
        Assert.Equal(HttpStatusCode.OK, registered.StatusCode);
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.Contains("That email and password do not match an account.", await registered.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Contains("That email and password do not match an account.", await unknown.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_address_is_locked_out_after_as_many_wrong_passwords_as_an_account()
    {
        await using var app = new ProductionAppFactory();
        using var browser = new FormClient(app);
        var unknown = Credentials("nobody@example.com", "not-the-passphrase");

        for (var attempt = 1; attempt < AllowedFailures; attempt++)
        {
            using var wrong = await browser.SubmitAsync("/Account/Login", unknown, Ct);
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        using var fifth = await browser.SubmitAsync("/Account/Login", unknown, Ct);
        using var sixth = await browser.SubmitAsync("/Account/Login", unknown, Ct);

        Assert.Equal("/Account/Lockout", FormClient.RedirectTarget(fifth));
        Assert.Equal("/Account/Lockout", FormClient.RedirectTarget(sixth));
    }

    private static Dictionary<string, string> Credentials(string email, string password) =>
        new() { ["Input.Email"] = email, ["Input.Password"] = password };

    // What differs between two renderings of one page whatever it shows: the script nonce, antiforgery tokens and
    // Blazor's markers.
    private static string Comparable(string page) => Markers().Replace(Tokens().Replace(Nonce().Replace(page, ""), ""), "");

    [GeneratedRegex("nonce=\"[^\"]*\"")]
    private static partial Regex Nonce();

    [GeneratedRegex("CfDJ8[A-Za-z0-9_+/=-]*")]
    private static partial Regex Tokens();

    [GeneratedRegex("<!--Blazor:[^>]*-->")]
    private static partial Regex Markers();

    private sealed class CountingPasswordHasher : IPasswordHasher<ApplicationUser>
    {
        private readonly PasswordHasher<ApplicationUser> inner = new();

        public int Verifications { get; set; }

        public string HashPassword(ApplicationUser user, string password) => inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(ApplicationUser user, string hashedPassword, string providedPassword)
        {
            Verifications++;
            return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
