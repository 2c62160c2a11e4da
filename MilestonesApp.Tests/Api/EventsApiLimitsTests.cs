using System.Net;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using MilestonesApp.Engine;
using MilestonesApp.Tests.Shared;
using static MilestonesApp.Tests.Api.EventsApiClient;

namespace MilestonesApp.Tests.Api;

/// <summary>The app with a per-key limit of two requests an hour, so that the third is refused within the test.</summary>
public sealed class TwoRequestsAnHourAppFactory : MilestonesAppFactory
{
    public TwoRequestsAnHourAppFactory()
    {
        Settings["Milestones:Api:RateLimitPermits"] = "2";
        Settings["Milestones:Api:RateLimitWindow"] = "01:00:00";
    }
}

/// <summary>429 past the per-key rate limit, and 409 for an idempotency key the engine says was reused.</summary>
public sealed class EventsApiLimitsTests(TwoRequestsAnHourAppFactory app) : IClassFixture<TwoRequestsAnHourAppFactory>
{
    [Fact]
    public async Task Past_the_limit_a_key_gets_429_with_Retry_After_and_other_keys_do_not()
    {
        using var limited = await CreateWithNewKeyAsync(app, "es");
        using var other = await CreateWithNewKeyAsync(app);
        var cancellationToken = TestContext.Current.CancellationToken;

        using var first = await limited.GetAsync("/api/v1/milestones", cancellationToken);
        using var second = await limited.GetAsync("/api/v1/milestones", cancellationToken);
        using var third = await limited.GetAsync("/api/v1/milestones", cancellationToken);
        using var otherKey = await other.GetAsync("/api/v1/milestones", cancellationToken);

        await first.AssertStatusAsync(HttpStatusCode.OK);
        await second.AssertStatusAsync(HttpStatusCode.OK);
        await third.AssertStatusAsync(HttpStatusCode.TooManyRequests);
        var retryAfter = int.Parse(Assert.Single(third.Headers.GetValues("Retry-After")), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 3600);
        Assert.Equal("application/problem+json", third.Content.Headers.ContentType?.MediaType);
        var problem = await third.JsonAsync();
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.Equal("Demasiadas solicitudes con esta clave de API.", problem.GetProperty("title").GetString());
        await otherKey.AssertStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_idempotency_key_reused_for_a_different_event_is_a_409_problem()
    {
        using var reusing = app.WithWebHostBuilder(host => host.ConfigureTestServices(services =>
            services.AddSingleton<IMilestoneEngine, ReusedKeyEngine>()));
        using var client = Create(reusing, (await CreateKeyAsync(app)).Key);

        using var response = await client.PostEventAsync(Event("someone", EventTypes.WinLogged, DateTimeOffset.UtcNow.AddDays(-1), "used-before"));

        await response.AssertStatusAsync(HttpStatusCode.Conflict);
        var problem = await response.JsonAsync();
        Assert.Equal("The idempotency key was already used for a different event.", problem.GetProperty("title").GetString());
        Assert.Contains("'used-before'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    /// <summary>An engine that has seen every key before, with another event: what the engine answers a reused key with.</summary>
    private sealed class ReusedKeyEngine : IMilestoneEngine
    {
        public Task<EngineResult> RecordAsync(DomainEvent domainEvent, CancellationToken cancellationToken = default) =>
            throw new IdempotencyKeyReusedException(domainEvent.UserId, domainEvent.IdempotencyKey!, originalEventId: 1);
    }
}
