using System.Net;
using Microsoft.AspNetCore.Http;
using MilestonesApp.Tests.Shared;

namespace MilestonesApp.Tests.Hosting;

/// <summary>Behind a TLS proxy: the proxy's X-Forwarded-Proto is believed only when the operator names the proxy.</summary>
public sealed class ForwardedHeadersTests
{
    private static readonly IPAddress Proxy = IPAddress.Parse("10.0.0.5");

    [Fact]
    public async Task A_named_proxys_https_makes_the_request_https()
    {
        await using var app = new ProductionAppFactory();
        app.Settings["Milestones:ForwardedHeaders:KnownProxies:0"] = Proxy.ToString();

        var response = await ThroughProxyAsync(app);

        // HSTS is only ever sent on HTTPS: its presence shows the app took the request as HTTPS.
        Assert.True(response.Headers.ContainsKey("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Without_a_named_proxy_forwarded_headers_are_ignored()
    {
        await using var app = new ProductionAppFactory();

        var response = await ThroughProxyAsync(app);

        Assert.False(response.Headers.ContainsKey("Strict-Transport-Security"));
    }

    [Fact]
    public async Task ASPNETCORE_FORWARDEDHEADERS_ENABLED_without_a_named_proxy_stops_the_start()
    {
        await using var app = new ProductionAppFactory();
        app.Settings["FORWARDEDHEADERS_ENABLED"] = "true";

        var refused = Assert.Throws<InvalidOperationException>(() => app.CreateClient());

        Assert.Contains("Milestones:ForwardedHeaders:KnownProxies", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Milestones:ForwardedHeaders:KnownNetworks", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_ASPNETCORE_FORWARDEDHEADERS_ENABLED_and_a_named_proxy_another_senders_headers_are_ignored()
    {
        await using var app = new ProductionAppFactory();
        app.Settings["FORWARDEDHEADERS_ENABLED"] = "true";
        app.Settings["Milestones:ForwardedHeaders:KnownProxies:0"] = "10.0.0.99";

        var response = await ThroughProxyAsync(app);

        Assert.False(response.Headers.ContainsKey("Strict-Transport-Security"));
    }

    private static async Task<HttpResponse> ThroughProxyAsync(ProductionAppFactory app)
    {
        var context = await app.Server.SendAsync(request =>
        {
            request.Connection.RemoteIpAddress = Proxy;
            request.Request.Scheme = "http";
            request.Request.Host = new HostString("milestones.example");
            request.Request.Path = "/health/live";
            request.Request.Headers["X-Forwarded-For"] = "203.0.113.7";
            request.Request.Headers["X-Forwarded-Proto"] = "https";
        }, TestContext.Current.CancellationToken);
        Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
        return context.Response;
    }
}
