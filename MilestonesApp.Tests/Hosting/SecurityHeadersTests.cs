using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using MilestonesApp.Tests.Shared;

namespace MilestonesApp.Tests.Hosting;

/// <summary>Every response carries the security headers; the policy forbids framing, eval and foreign scripts.</summary>
public sealed class SecurityHeadersTests(ProductionAppFactory app) : IClassFixture<ProductionAppFactory>
{
    // HSTS is never sent to localhost (a developer's other sites would inherit it), so the app is asked by a real name.
    private static readonly Uri Https = new("https://milestones.example");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/")]
    [InlineData("/Account/Login")]
    [InlineData("/health/ready")]
    public async Task A_response_carries_the_security_headers(string path)
    {
        using var client = HttpsClient();

        using var response = await client.GetAsync(path, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("max-age=31536000; includeSubDomains", Header(response, "Strict-Transport-Security"));
        var csp = Directives(Header(response, "Content-Security-Policy"));
        Assert.Equal("'none'", csp["frame-ancestors"]);
        Assert.Equal("'none'", csp["object-src"]);
        Assert.StartsWith("'self' 'nonce-", csp["script-src"], StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp["script-src"], StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp["script-src"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/Account/Login")]
    [InlineData("/no-such-page")]
    public async Task The_pages_one_inline_script_carries_the_requests_nonce(string path)
    {
        using var client = HttpsClient();

        using var response = await client.GetAsync(path, Ct);

        Assert.Single(response.Headers.GetValues("Content-Security-Policy"));

        var nonce = Directives(Header(response, "Content-Security-Policy"))["script-src"].Split("'nonce-")[1].TrimEnd('\'');
        var page = await response.Content.ReadAsStringAsync(Ct);
        var importMap = System.Text.RegularExpressions.Regex.Match(page, "<script type=\"importmap\" nonce=\"(?<nonce>[^\"]+)\">");
        Assert.True(importMap.Success, "The page has no import map with a nonce.");
        Assert.Equal(nonce, WebUtility.HtmlDecode(importMap.Groups["nonce"].Value));
    }

    [Fact]
    public async Task Plain_http_is_sent_to_https_outside_development()
    {
        await using var served = new ProductionAppFactory();
        served.Settings["https_port"] = "443";
        using var client = served.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://milestones.example") });

        using var response = await client.GetAsync("/", Ct);

        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
        Assert.Equal("https", response.Headers.Location!.Scheme);
    }

    [Fact]
    public async Task The_sign_in_forms_cookies_are_secure_and_http_only()
    {
        using var client = HttpsClient();

        using var response = await client.GetAsync("/Account/Login", Ct);

        var cookies = response.Headers.GetValues("Set-Cookie").ToList();
        Assert.NotEmpty(cookies);
        Assert.All(cookies, cookie =>
        {
            Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        });
    }

    private HttpClient HttpsClient() =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = Https });

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : throw new Xunit.Sdk.XunitException($"{name} is missing.");

    private static Dictionary<string, string> Directives(string policy) =>
        policy.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(directive => directive.Split(' ', 2))
            .ToDictionary(parts => parts[0], parts => parts.Length > 1 ? parts[1] : "");
}
