using System.Net;
using MilestonesApp.Engine;
using MilestonesApp.Tests.Shared;
using static MilestonesApp.Tests.Api.EventsApiClient;

namespace MilestonesApp.Tests.Api;

/// <summary>Guessing keys is limited per client address, before any key is looked up.</summary>
public sealed class FailedAuthenticationLimitTests
{
    private const int Permits = 3;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Past_the_allowance_of_wrong_keys_an_address_gets_429_even_with_a_live_key()
    {
        await using var app = new ProductionApiAppFactory();
        app.Settings["Milestones:Api:FailedAuthenticationPermits"] = Permits.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var live = await CreateWithNewKeyAsync(app);
        using var before = await live.GetAsync("/api/v1/milestones", Ct);
        await before.AssertStatusAsync(HttpStatusCode.OK);

        for (var guess = 0; guess < Permits; guess++)
        {
            using var guesser = Create(app, $"msk_guess{guess:D8}xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx");
            using var wrong = await guesser.GetAsync("/api/v1/milestones", Ct);
            await ApiErrorResponsesTests.AssertProblemAsync(wrong, HttpStatusCode.Unauthorized);
        }

        // The live key would pass: its 429 shows the address was refused before the key was looked up.
        using var refused = await live.PostEventAsync(Event("user-1", EventTypes.WinLogged, DateTimeOffset.UtcNow.AddHours(-1), "k-1"));

        await ApiErrorResponsesTests.AssertProblemAsync(refused, HttpStatusCode.TooManyRequests);
        Assert.InRange(int.Parse(Assert.Single(refused.Headers.GetValues("Retry-After")), System.Globalization.CultureInfo.InvariantCulture), 1, 60);
    }

    [Fact]
    public async Task Thirty_wrong_keys_a_minute_are_answered_401_and_the_next_429_by_default()
    {
        await using var app = new ProductionApiAppFactory();

        for (var guess = 0; guess < 30; guess++)
        {
            using var guesser = Create(app, "msk_not-a-key-at-all");
            using var wrong = await guesser.GetAsync("/api/v1/milestones", Ct);
            await wrong.AssertStatusAsync(HttpStatusCode.Unauthorized);
        }

        using var next = Create(app, "msk_not-a-key-at-all");
        using var refused = await next.GetAsync("/api/v1/milestones", Ct);
        await refused.AssertStatusAsync(HttpStatusCode.TooManyRequests);
        Assert.True(refused.Headers.Contains("Retry-After"));
    }
}
