using System.Text.Json.Nodes;
using MilestonesApp.Data;
using MilestonesApp.Engine;
using MilestonesApp.Tests.Shared;

namespace MilestonesApp.Tests.Engine;

public sealed class DomainEventValidationTests(EngineHostFixture fixture) : IClassFixture<EngineHostFixture>
{
    private const int MaxFutureSkewSeconds = 5 * 60;
    private const int MaxMetadataBytes = 4096;

    public static TheoryData<string, string, string, int, int, string?, string> BadEvents => new()
    {
        // problem, user id, event type, seconds after the clock, metadata size in bytes, idempotency key, words of the expected reason
        { "unknown type", "user-1", "WinLoged", 0, 0, null, "Event type 'WinLoged' is unknown" },
        { "empty user id", "", EventTypes.WinLogged, 0, 0, null, "The user id is empty." },
        { "blank user id", "   ", EventTypes.WinLogged, 0, 0, null, "The user id is empty." },
        { "overlong user id", new string('u', 129), EventTypes.WinLogged, 0, 0, null, "the limit is 128" },
        { "far future", "user-1", EventTypes.WinLogged, 24 * 60 * 60, 0, null, "in the future" },
        { "just past the allowed skew", "user-1", EventTypes.WinLogged, MaxFutureSkewSeconds + 1, 0, null, "in the future" },
        { "oversized metadata", "user-1", EventTypes.WinLogged, 0, MaxMetadataBytes + 1, null, $"the limit is {MaxMetadataBytes}" },
        { "empty idempotency key", "user-1", EventTypes.WinLogged, 0, 0, "", "The idempotency key must be 1 to 200 characters, not blank." },
        { "blank idempotency key", "user-1", EventTypes.WinLogged, 0, 0, "  ", "The idempotency key must be 1 to 200 characters, not blank." },
        { "overlong idempotency key", "user-1", EventTypes.WinLogged, 0, 0, new string('k', 201), "The idempotency key must be 1 to 200 characters" },
    };

    [Theory]
    [MemberData(nameof(BadEvents))]
    public async Task A_bad_event_is_refused_with_its_reason_and_writes_nothing(
        string problem, string userId, string eventType, int secondsAfterClock, int metadataBytes, string? idempotencyKey, string reason)
    {
        var host = await fixture.HostAsync();
        var before = await host.CountRowsAsync();
        var domainEvent = new DomainEvent(userId, eventType, host.Clock.GetUtcNow().AddSeconds(secondsAfterClock), MetadataOf(metadataBytes), idempotencyKey);

        var refused = await Assert.ThrowsAsync<InvalidDomainEventException>(() => host.Engine.RecordAsync(domainEvent, TestContext.Current.CancellationToken));

        Assert.True(refused.Errors.Any(error => error.Contains(reason, StringComparison.Ordinal)), $"{problem}: {refused.Message}");
        Assert.Equal(before, await host.CountRowsAsync());
    }

    [Theory, OnEachProvider]
    public async Task An_event_at_the_edge_of_every_limit_is_accepted(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        var domainEvent = new DomainEvent(
            new string('u', 128),
            EventTypes.WinLogged,
            host.Clock.GetUtcNow().AddSeconds(MaxFutureSkewSeconds),
            MetadataOf(MaxMetadataBytes),
            new string('k', 200));

        var result = await host.Engine.RecordAsync(domainEvent, TestContext.Current.CancellationToken);

        Assert.False(result.WasDuplicate);
        Assert.Equal(1, (await host.StatsOfAsync(domainEvent.UserId))!.TotalWins);
    }

    [Fact]
    public async Task Every_problem_of_an_event_is_reported_at_once()
    {
        var host = await fixture.HostAsync();
        var domainEvent = new DomainEvent("", "Signup", EngineHost.Now.AddDays(1), IdempotencyKey: " ");

        var refused = await Assert.ThrowsAsync<InvalidDomainEventException>(() => host.Engine.RecordAsync(domainEvent, TestContext.Current.CancellationToken));

        Assert.Equal(4, refused.Errors.Count);
    }

    /// <summary>Metadata whose JSON text is exactly <paramref name="bytes"/> UTF-8 bytes long, or none for zero.</summary>
    private static JsonObject? MetadataOf(int bytes)
    {
        const int Overhead = 11; // {"note":""}
        return bytes == 0 ? null : new JsonObject { ["note"] = new string('x', bytes - Overhead) };
    }
}
