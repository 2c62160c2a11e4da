using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using MilestonesApp.Tests.Shared;

namespace MilestonesApp.Tests.Localization;

public sealed class CultureCookieTests(MilestonesAppFactory app) : IClassFixture<MilestonesAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Client(bool handleCookies = true) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = handleCookies });

    [Fact]
    public async Task Choosing_a_language_remembers_it_in_the_cookie_and_goes_back()
    {
        using var client = Client();

        var response = await client.GetAsync("/Culture/Set?culture=es&redirectUri=%2FAccount%2FLogin", Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/Login", response.Headers.Location?.OriginalString);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), cookie => cookie.StartsWith(".AspNetCore.Culture=c%3Des%7Cuic%3Des", StringComparison.Ordinal));
        var page = await client.GetStringAsync("/Account/Login", Ct);
        Assert.Contains("Hola de nuevo", page);
        Assert.Contains("<html lang=\"es\">", page);
    }

    [Fact]
    public async Task Without_a_cookie_the_browser_language_decides()
    {
        using var client = Client(handleCookies: false);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("de-DE,de;q=0.9");

        Assert.Contains("Willkommen zurück", WebUtility.HtmlDecode(await client.GetStringAsync("/Account/Login", Ct)));
    }

    [Fact]
    public async Task An_unknown_language_is_ignored()
    {
        using var client = Client(handleCookies: false);

        var response = await client.GetAsync("/Culture/Set?culture=xx&redirectUri=%2F", Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    public async Task It_never_redirects_off_the_site(string redirectUri)
    {
        using var client = Client(handleCookies: false);

        var response = await client.GetAsync($"/Culture/Set?culture=de&redirectUri={Uri.EscapeDataString(redirectUri)}", Ct);

        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }
}
