using System.Net;
using System.Text;
using MilestonesApp.Engine;
using MilestonesApp.Tests.Shared;
using static MilestonesApp.Tests.Api.EventsApiClient;

namespace MilestonesApp.Tests.Api;

/// <summary>
/// Bodies past their limit are refused with 413 before they are read; malformed ones with 400, writing nothing; a
/// date-time must carry its offset and a user id in a path holds to the rules of one in a body.
/// </summary>
public sealed class ApiRequestBodyTests(ProductionApiAppFactory app) : IClassFixture<ProductionApiAppFactory>
{
    private static readonly string OccurredAt = DateTimeOffset.UtcNow.AddHours(-1).ToString("O", System.Globalization.CultureInfo.InvariantCulture);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_event_over_64_KB_is_a_413_problem()
    {
        using var client = await CreateWithNewKeyAsync(app);
        var json = EventJson("user-1", "big-1", metadata: $$"""{"note":"{{new string('x', 65 * 1024)}}"}""");

        using var response = await client.PostRawAsync("/api/v1/events", json);

        var body = await ApiErrorResponsesTests.AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("65536", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_batch_over_8_MB_is_a_413_problem_and_records_nothing()
    {
        using var client = await CreateWithNewKeyAsync(app);
        var note = new string('x', 9 * 1024);
        var events = string.Join(",", Enumerable.Range(0, 1_000).Select(i => EventJson("user-batch", $"b-{i}", $$"""{"note":"{{note}}"}""")));

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/events/batch")
        {
            Content = new StringContent($$"""{"events":[{{events}}]}""", Encoding.UTF8, "application/json"),
        };
        // The client waits for the server's go-ahead before sending the body: the 413 comes without it, unread.
        request.Headers.ExpectContinue = true;

        using var response = await client.SendAsync(request, Ct);

        await ApiErrorResponsesTests.AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        await AssertNothingRecordedAsync(client, "user-batch", "b-0");
    }

    [Fact]
    public async Task Metadata_naming_a_property_twice_is_a_400_problem_and_records_nothing()
    {
        using var client = await CreateWithNewKeyAsync(app);

        using var response = await client.PostRawAsync("/api/v1/events", EventJson("user-dup", "dup-1", """{"a":1,"a":2}"""));

        var body = await ApiErrorResponsesTests.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("'a'", body, StringComparison.Ordinal);
        await AssertNothingRecordedAsync(client, "user-dup", "dup-1");
    }

    [Fact]
    public async Task A_batch_holding_null_is_a_400_problem_and_records_nothing()
    {
        using var client = await CreateWithNewKeyAsync(app);

        using var response = await client.PostRawAsync("/api/v1/events/batch", $$"""{"events":[{{EventJson("user-null", "n-1")}},null]}""");

        var body = await ApiErrorResponsesTests.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("events[1] is null", body, StringComparison.Ordinal);
        await AssertNothingRecordedAsync(client, "user-null", "n-1");
    }

    [Theory]
    [InlineData("2026-11-29T08:30:00")]
    [InlineData("2026-11-29")]
    public async Task An_occurredAt_without_an_offset_is_a_400_problem(string occurredAt)
    {
        using var client = await CreateWithNewKeyAsync(app);
        var json = $$"""{"userId":"user-tz","type":"WinLogged","occurredAt":"{{occurredAt}}","idempotencyKey":"tz-1"}""";

        using var response = await client.PostRawAsync("/api/v1/events", json);

        var body = await ApiErrorResponsesTests.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("with an offset", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("user%0A1", "control character")]
    [InlineData("%20", "empty")]
    public async Task A_path_user_id_the_engine_would_refuse_is_a_400_problem(string userId, string named)
    {
        using var client = await CreateWithNewKeyAsync(app);

        using var response = await client.GetAsync($"/api/v1/users/{userId}/milestones", Ct);

        var body = await ApiErrorResponsesTests.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains(named, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_path_user_id_of_5000_characters_is_a_400_problem()
    {
        using var client = await CreateWithNewKeyAsync(app);

        using var response = await client.GetAsync($"/api/v1/users/{new string('u', 5_000)}/milestones", Ct);

        var body = await ApiErrorResponsesTests.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("the limit is 128", body, StringComparison.Ordinal);
    }

    private static string EventJson(string userId, string key, string? metadata = null) =>
        $$"""{"userId":"{{userId}}","type":"{{EventTypes.WinLogged}}","occurredAt":"{{OccurredAt}}","idempotencyKey":"{{key}}"{{(metadata is null ? "" : $",\"metadata\":{metadata}")}}}""";

    // The key records afresh (not a duplicate): nothing was stored under it before.
    private static async Task AssertNothingRecordedAsync(HttpClient client, string userId, string key)
    {
        using var response = await client.PostRawAsync("/api/v1/events", EventJson(userId, key));
        await response.AssertStatusAsync(HttpStatusCode.OK);
        Assert.False((await response.JsonAsync()).GetProperty("duplicate").GetBoolean());
    }
}
