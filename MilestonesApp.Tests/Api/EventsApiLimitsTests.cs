using System.Net;
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

/// <summary>429 past the per-key rate limit, for that key only.</summary>
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
}
