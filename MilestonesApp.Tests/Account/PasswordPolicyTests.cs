using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using MilestonesApp.Data;
using MilestonesApp.Tests.Shared;

namespace MilestonesApp.Tests.Account;

/// <summary>NIST SP 800-63B: at least 12 characters, and no rule about which kinds.</summary>
public sealed class PasswordPolicyTests(MilestonesAppFactory app) : IClassFixture<MilestonesAppFactory>
{
    [Theory]
    [InlineData("eleven char")]
    [InlineData("Short1!")]
    public async Task A_password_under_twelve_characters_is_refused(string password)
    {
        var result = await CreateAsync(password);

        Assert.Equal(["PasswordTooShort"], result.Errors.Select(e => e.Code));
    }

    [Theory]
    [InlineData("twelve chars")]
    [InlineData("correcthorsebatterystaple")]
    public async Task Twelve_characters_of_any_kind_are_enough(string password)
    {
        var result = await CreateAsync(password);

        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Code)));
    }

    [Fact]
    public async Task The_register_form_explains_the_rule_in_the_readers_language()
    {
        using var browser = new FormClient(app);
        browser.Headers.AcceptLanguage.ParseAdd("de-DE");
        var email = $"{Guid.NewGuid():N}@example.com";

        using var response = await browser.SubmitAsync("/Account/Register", new Dictionary<string, string>
        {
            ["Input.Email"] = email, ["Input.Password"] = "zu kurz", ["Input.ConfirmPassword"] = "zu kurz",
        }, TestContext.Current.CancellationToken);

        var page = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("Das Passwort muss 12 bis 100 Zeichen lang sein.", page, StringComparison.Ordinal);
    }

    private async Task<IdentityResult> CreateAsync(string password)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var email = $"{Guid.NewGuid():N}@example.com";
        return await users.CreateAsync(new ApplicationUser { UserName = email, Email = email }, password);
    }
}
