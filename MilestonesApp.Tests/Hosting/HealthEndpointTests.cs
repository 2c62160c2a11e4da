using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using MilestonesApp.Tests.Shared;

namespace MilestonesApp.Tests.Hosting;

/// <summary>The probes a load balancer or orchestrator calls: anonymous, 200 when healthy, and nothing about the inside.</summary>
public sealed class HealthEndpointTests(ProductionAppFactory app) : IClassFixture<ProductionAppFactory>
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task An_anonymous_probe_gets_200_and_one_word(string path)
    {
        using var response = await ProbeAsync(app, path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Without_its_database_the_app_is_live_but_not_ready()
    {
        var database = new TemporarySqliteDatabase();
        await using var lost = MilestonesAppFactory.OnDatabase(database, "Production");
        using (var before = await ProbeAsync(lost, "/health/ready"))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        // The database's folder disappears (an unmounted volume): no connection can open any more.
        database.Dispose();

        using var ready = await ProbeAsync(lost, "/health/ready");
        using var live = await ProbeAsync(lost, "/health/live");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("Unhealthy", await ready.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<HttpResponseMessage> ProbeAsync(MilestonesAppFactory app, string path)
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        return await client.GetAsync(path, Ct);
    }
}
