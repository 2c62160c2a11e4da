using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
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
        var host = fixture.Host;
        var before = await host.CountRowsAsync();
        var domainEvent = new DomainEvent(userId, eventType, host.Clock.GetUtcNow().AddSeconds(secondsAfterClock), MetadataOf(metadataBytes), idempotencyKey);

        var refused = await Assert.ThrowsAsync<InvalidDomainEventException>(() => host.Engine.RecordAsync(domainEvent, TestContext.Current.CancellationToken));

        Assert.True(refused.Errors.Any(error => error.Contains(reason, StringComparison.Ordinal)), $"{problem}: {refused.Message}");
        Assert.Equal(before, await host.CountRowsAsync());
    }

    // Kept out of the theory's data: test case names cannot carry lone surrogates or NUL characters.
    private static readonly Dictionary<string, string> BadTexts = new()
    {
        ["a lone high surrogate"] = "user-\uD800",
        ["a lone low surrogate"] = "user-\uDFFF",
        ["a surrogate pair in the wrong order"] = "user-\uDE00\uD83D",
        ["a NUL character"] = "user-\0",
        ["a bell character"] = "user-\u0007",
        ["a newline"] = "user-\n1",
        ["a C1 control character"] = "user-\u0085",
    };

    [Theory]
    [InlineData("a lone high surrogate", "is not valid UTF-16")]
    [InlineData("a lone low surrogate", "is not valid UTF-16")]
    [InlineData("a surrogate pair in the wrong order", "is not valid UTF-16")]
    [InlineData("a NUL character", "holds a control character")]
    [InlineData("a bell character", "holds a control character")]
    [InlineData("a newline", "holds a control character")]
    [InlineData("a C1 control character", "holds a control character")]
    public async Task A_user_id_or_key_with_control_characters_or_invalid_UTF16_is_refused_and_writes_nothing(string problem, string reason)
    {
        var host = fixture.Host;
        var before = await host.CountRowsAsync();
        var at = host.Clock.GetUtcNow();

        var badId = await Assert.ThrowsAsync<InvalidDomainEventException>(() =>
            host.Engine.RecordAsync(new DomainEvent(BadTexts[problem], EventTypes.WinLogged, at), TestContext.Current.CancellationToken));
        var badKey = await Assert.ThrowsAsync<InvalidDomainEventException>(() =>
            host.Engine.RecordAsync(new DomainEvent("user-1", EventTypes.WinLogged, at, IdempotencyKey: BadTexts[problem]), TestContext.Current.CancellationToken));

        Assert.StartsWith($"The user id {reason}", Assert.Single(badId.Errors), StringComparison.Ordinal);
        Assert.StartsWith($"The idempotency key {reason}", Assert.Single(badKey.Errors), StringComparison.Ordinal);
        Assert.Equal(before, await host.CountRowsAsync());
    }

    [Fact]
    public async Task Ids_differing_only_in_characters_outside_the_basic_plane_stay_two_users()
    {
        var host = fixture.Host;
        var at = host.Clock.GetUtcNow();

        await host.RecordAsync("user-\U0001F600", EventTypes.WinLogged, at, "key-\U0001F600");
        var other = await host.RecordAsync("user-\U0001F601", EventTypes.WinLogged, at, "key-\U0001F600");
        var otherKey = await host.RecordAsync("user-\U0001F600", EventTypes.WinLogged, at, "key-\U0001F601");

        Assert.False(other.WasDuplicate);
        Assert.False(otherKey.WasDuplicate);
        Assert.Equal(2, (await host.StatsOfAsync("user-\U0001F600"))!.TotalWins);
        Assert.Equal(1, (await host.StatsOfAsync("user-\U0001F601"))!.TotalWins);
    }

    [Theory]
    [InlineData(EventTypes.UserLoggedIn)]
    [InlineData(EventTypes.WinLogged)]
    [InlineData(EventTypes.HabitCompleted)]
    public async Task An_event_at_the_earliest_representable_time_is_refused_before_any_rule_computes_a_window(string eventType)
    {
        var host = fixture.Host;
        var before = await host.CountRowsAsync();

        var refused = await Assert.ThrowsAsync<InvalidDomainEventException>(() =>
            host.Engine.RecordAsync(new DomainEvent("user-ancient", eventType, DateTimeOffset.MinValue), TestContext.Current.CancellationToken));

        Assert.Equal(
            "The event occurs at 0001-01-01T00:00:00.0000000+00:00, before the earliest time an event may have, 2000-01-01T00:00:00.0000000+00:00.",
            Assert.Single(refused.Errors));
        Assert.Equal(before, await host.CountRowsAsync());
    }

    [Fact]
    public async Task The_lower_bound_itself_is_accepted_and_one_millisecond_before_it_is_refused()
    {
        var host = fixture.Host;
        var lowerBound = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

        var refused = await Assert.ThrowsAsync<InvalidDomainEventException>(() =>
            host.Engine.RecordAsync(new DomainEvent("user-y2k", EventTypes.HabitCompleted, lowerBound.AddMilliseconds(-1)), TestContext.Current.CancellationToken));
        var accepted = await host.RecordAsync("user-y2k", EventTypes.HabitCompleted, lowerBound);

        Assert.Contains("before the earliest time an event may have", Assert.Single(refused.Errors), StringComparison.Ordinal);
        Assert.False(accepted.WasDuplicate);
        Assert.Equal(lowerBound, (await host.StatsOfAsync("user-y2k"))!.LastActivityAt);
    }

    [Theory]
    [InlineData("""{"note":"a","note":"b"}""", "note")]
    [InlineData("""{"place":{"city":"Oslo","city":"Bergen"}}""", "city")]
    [InlineData("""{"list":[{"x":1,"x":2}]}""", "x")]
    public async Task Metadata_naming_a_property_twice_is_refused_and_writes_nothing(string metadata, string property)
    {
        var host = fixture.Host;
        var before = await host.CountRowsAsync();
        var domainEvent = new DomainEvent("user-1", EventTypes.WinLogged, host.Clock.GetUtcNow(), JsonNode.Parse(metadata)!.AsObject());

        var refused = await Assert.ThrowsAsync<InvalidDomainEventException>(() => host.Engine.RecordAsync(domainEvent, TestContext.Current.CancellationToken));

        Assert.Equal($"The metadata names the property '{property}' more than once.", Assert.Single(refused.Errors));
        Assert.Equal(before, await host.CountRowsAsync());
    }

    [Theory]
    [InlineData(nameof(MilestoneEngineOptions.MinOccurredAt), "1969-12-31T23:59:59Z")]
    [InlineData(nameof(MilestoneEngineOptions.MinOccurredAt), "2100-01-01T00:00:00Z")]
    [InlineData(nameof(MilestoneEngineOptions.MaxFutureSkew), "-00:00:01")]
    [InlineData(nameof(MilestoneEngineOptions.MaxFutureSkew), "2.00:00:00")]
    public async Task An_engine_limit_out_of_range_is_refused_with_a_sentence_naming_it(string option, string value)
    {
        var settings = new Dictionary<string, string?> { [$"{MilestoneEngineOptions.Section}:{option}"] = value };

        var refused = await Assert.ThrowsAsync<OptionsValidationException>(async () =>
        {
            await using var host = await EngineHost.StartAsync(settings: settings);
            _ = host.Services.GetRequiredService<IOptions<MilestoneEngineOptions>>().Value;
        });

        Assert.Contains($"{MilestoneEngineOptions.Section}:{option}", Assert.Single(refused.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metadata_nested_too_deep_to_read_back_is_refused_and_writes_nothing()
    {
        var host = fixture.Host;
        var before = await host.CountRowsAsync();
        var metadata = new JsonObject();
        var innermost = metadata;
        for (var depth = 0; depth < 80; depth++)
        {
            var inner = new JsonObject();
            innermost["inner"] = inner;
            innermost = inner;
        }

        var refused = await Assert.ThrowsAsync<InvalidDomainEventException>(() =>
            host.Engine.RecordAsync(new DomainEvent("user-1", EventTypes.WinLogged, host.Clock.GetUtcNow(), metadata), TestContext.Current.CancellationToken));

        Assert.StartsWith("The metadata cannot be read back as JSON", Assert.Single(refused.Errors), StringComparison.Ordinal);
        Assert.Equal(before, await host.CountRowsAsync());
    }

    [Fact]
    public async Task An_event_at_the_edge_of_every_limit_is_accepted()
    {
        var host = fixture.Host;
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
        var domainEvent = new DomainEvent("", "Signup", EngineHost.Now.AddDays(1), IdempotencyKey: " ");

        var refused = await Assert.ThrowsAsync<InvalidDomainEventException>(() => fixture.Host.Engine.RecordAsync(domainEvent, TestContext.Current.CancellationToken));

        Assert.Equal(4, refused.Errors.Count);
    }

    /// <summary>Metadata whose JSON text is exactly <paramref name="bytes"/> UTF-8 bytes long, or none for zero.</summary>
    private static JsonObject? MetadataOf(int bytes)
    {
        const int Overhead = 11; // {"note":""}
        return bytes == 0 ? null : new JsonObject { ["note"] = new string('x', bytes - Overhead) };
    }
}
