using System.Net;
using MilestonesApp.Tests.Shared;

namespace MilestonesApp.Tests.Account;

/// <summary>Where the account forms send a person afterwards: never off the site, never to an empty error.</summary>
public sealed class AccountRedirectTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("https://evil.example/phish")]
    [InlineData("//evil.example/phish")]
    public async Task A_sign_in_with_a_foreign_return_url_goes_home(string returnUrl)
    {
        await using var app = new ProductionAppFactory();
        var person = await TestPerson.CreateAsync(app);
        using var browser = new FormClient(app);

        using var signIn = await browser.SubmitAsync(
            $"/Account/Login?ReturnUrl={Uri.EscapeDataString(returnUrl)}",
            new Dictionary<string, string> { ["Input.Email"] = person.Email, ["Input.Password"] = TestPerson.Password },
            Ct);

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/", FormClient.RedirectTarget(signIn));
    }

    [Fact]
    public async Task A_sign_out_post_without_its_antiforgery_token_shows_the_error_page_not_an_empty_500()
    {
        await using var app = new ProductionAppFactory();
        using var browser = new FormClient(app);

        using var response = await browser.PostEmptyAsync("/Account/Logout", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("<h1", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }
}
