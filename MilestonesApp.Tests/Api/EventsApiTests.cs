using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MilestonesApp.Api.Keys;
using MilestonesApp.Engine;
using MilestonesApp.Tests.Shared;
using static MilestonesApp.Tests.Api.EventsApiClient;

namespace MilestonesApp.Tests.Api;

/// <summary>The events API over HTTP through the whole app: recording, its answers, and every status code it gives.</summary>
public sealed class EventsApiTests(MilestonesAppFactory app) : IClassFixture<MilestonesAppFactory>
{
    private static readonly DateTimeOffset Monday = DateTimeOffset.UtcNow.Date.AddDays(-10);

    [Fact]
    public async Task An_event_is_recorded_and_answers_with_the_awards_it_made()
    {
        using var client = await CreateWithNewKeyAsync(app);
        var user = NewUser();

        using var response = await client.PostEventAsync(Event(user, EventTypes.WinLogged, Monday.AddHours(9), "win-1"));

        await response.AssertStatusAsync(HttpStatusCode.OK);
        var body = await response.JsonAsync();
        Assert.True(body.GetProperty("eventId").GetInt64() > 0);
        Assert.False(body.GetProperty("duplicate").GetBoolean());
        var award = Assert.Single(body.GetProperty("newlyAwarded").EnumerateArray());
        Assert.Equal("first_win", award.GetProperty("code").GetString());
        Assert.Equal("First win", award.GetProperty("title").GetString());
        Assert.Equal("Confetti", award.GetProperty("animation").GetString());
        Assert.Equal(Monday.AddHours(9), award.GetProperty("achievedAt").GetDateTimeOffset());
        Assert.True(award.GetProperty("awardedAt").GetDateTimeOffset() > Monday.AddHours(9));
    }

    [Fact]
    public async Task A_retry_with_the_same_key_is_a_duplicate_with_the_original_awards()
    {
        using var client = await CreateWithNewKeyAsync(app);
        var user = NewUser();
        var winEvent = Event(user, EventTypes.WinLogged, Monday.AddHours(9), "win-1");

        var first = await (await client.PostEventAsync(winEvent)).JsonAsync();
        using var retry = await client.PostEventAsync(winEvent);

        await retry.AssertStatusAsync(HttpStatusCode.OK);
        var again = await retry.JsonAsync();
        Assert.True(again.GetProperty("duplicate").GetBoolean());
        Assert.Equal(first.GetProperty("eventId").GetInt64(), again.GetProperty("eventId").GetInt64());
        Assert.Equal(["first_win"], Codes(again.GetProperty("newlyAwarded")));
    }

    [Fact]
    public async Task An_idempotency_key_reused_for_a_different_event_is_a_409_problem_and_records_nothing()
    {
        using var client = await CreateWithNewKeyAsync(app, "de");
        var user = NewUser();
        var original = await (await client.PostEventAsync(Event(user, EventTypes.WinLogged, Monday.AddHours(9), "win-1"))).JsonAsync();

        using var reused = await client.PostEventAsync(Event(user, EventTypes.WinLogged, Monday.AddHours(10), "win-1"));
        using var next = await client.PostEventAsync(Event(user, EventTypes.WinLogged, Monday.AddHours(11), "win-2"));

        await reused.AssertStatusAsync(HttpStatusCode.Conflict);
        Assert.Equal("application/problem+json", reused.Content.Headers.ContentType?.MediaType);
        var problem = await reused.JsonAsync();
        Assert.Equal(409, problem.GetProperty("status").GetInt32());
        Assert.Equal("Der Idempotenzschlüssel wurde bereits für ein anderes Ereignis verwendet.", problem.GetProperty("title").GetString());
        Assert.Contains("'win-1'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(original.GetProperty("eventId").GetInt64() + 1, (await next.JsonAsync()).GetProperty("eventId").GetInt64());
    }

    [Fact]
    public async Task Missing_properties_are_a_400_problem_with_one_sentence_each()
    {
        using var client = await CreateWithNewKeyAsync(app);

        using var response = await client.PostRawAsync("/api/v1/events", """{"type":"WinLogged","occurredAt":"2026-11-01T09:00:00Z"}""");

        await response.AssertStatusAsync(HttpStatusCode.BadRequest);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.JsonAsync();
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.Equal("The request is not valid.", problem.GetProperty("title").GetString());
        var errors = problem.GetProperty("errors");
        Assert.Equal(["idempotencyKey", "userId"], errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.All(errors.EnumerateObject(), e => Assert.EndsWith(".", Assert.Single(e.Value.EnumerateArray()).GetString()));
    }

    [Fact]
    public async Task An_event_the_engine_refuses_is_a_400_with_its_sentences()
    {
        using var client = await CreateWithNewKeyAsync(app);

        using var response = await client.PostEventAsync(Event(NewUser(), EventTypes.WinLogged, DateTimeOffset.UtcNow.AddDays(30), "bad-1"));

        await response.AssertStatusAsync(HttpStatusCode.BadRequest);
        var sentence = Assert.Single((await response.JsonAsync()).GetProperty("errors").GetProperty("event").EnumerateArray()).GetString();
        Assert.Contains("in the future", sentence, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"userId":""", "line 1")]
    [InlineData("""[1,2]""", "$")]
    public async Task A_body_that_is_not_an_event_object_is_a_400_problem_naming_where(string json, string named)
    {
        using var client = await CreateWithNewKeyAsync(app);

        using var response = await client.PostRawAsync("/api/v1/events", json);

        await response.AssertStatusAsync(HttpStatusCode.BadRequest);
        var sentence = Assert.Single((await response.JsonAsync()).GetProperty("errors").GetProperty("body").EnumerateArray()).GetString();
        Assert.Contains(named, sentence, StringComparison.Ordinal);
        Assert.DoesNotContain("MilestonesApp", sentence, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"userId":"u","type":"WinLogged","occurredAt":"yesterday","idempotencyKey":"k"}""", "occurredAt", "with an offset")]
    [InlineData("""{"userId":"u","type":"WinLogged","occurredAt":"2026-11-01T09:00:00Z","idempotencyKey":"k","colour":"red"}""", "colour", "an event has userId")]
    [InlineData("""{"userId":"u","userId":"v","type":"WinLogged","occurredAt":"2026-11-01T09:00:00Z","idempotencyKey":"k"}""", "userId", "more than once")]
    [InlineData("""{"userId":7,"type":"WinLogged","occurredAt":"2026-11-01T09:00:00Z","idempotencyKey":"k"}""", "userId", "JSON string, not 7")]
    public async Task A_misshapen_property_is_a_400_naming_the_property_and_what_it_must_be(string json, string property, string expected)
    {
        using var client = await CreateWithNewKeyAsync(app);

        using var response = await client.PostRawAsync("/api/v1/events", json);

        await response.AssertStatusAsync(HttpStatusCode.BadRequest);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        var sentence = Assert.Single(errors.EnumerateObject()).Value;
        Assert.Equal(property, Assert.Single(errors.EnumerateObject()).Name);
        Assert.Contains(expected, Assert.Single(sentence.EnumerateArray()).GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("MilestonesApp", sentence.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en-US", "The request is not valid.", "The user id is empty.", "must be an ISO 8601 date-time with an offset")]
    [InlineData("es-ES", "La solicitud no es válida.", "El id de usuario está vacío.", "debe ser una fecha y hora ISO 8601")]
    [InlineData("de-DE", "Die Anfrage ist ungültig.", "Die Benutzer-ID ist leer.", "muss ein ISO-8601-Datum")]
    public async Task Every_problem_of_an_event_is_said_in_one_answer_in_the_requests_language(
        string language, string title, string emptyUser, string badTime)
    {
        using var client = await CreateWithNewKeyAsync(app, language);

        using var response = await client.PostRawAsync("/api/v1/events", """{"userId":" ","type":"Sleep","occurredAt":"yesterday"}""");

        await response.AssertStatusAsync(HttpStatusCode.BadRequest);
        var problem = await response.JsonAsync();
        var errors = problem.GetProperty("errors");
        Assert.Equal(["idempotencyKey", "occurredAt", "type", "userId"], errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.All(errors.EnumerateObject(), e => Assert.Single(e.Value.EnumerateArray()));
        Assert.Equal(title, problem.GetProperty("title").GetString());
        Assert.Equal(emptyUser, errors.GetProperty("userId")[0].GetString());
        Assert.Contains("'Sleep'", errors.GetProperty("type")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains(badTime, errors.GetProperty("occurredAt")[0].GetString(), StringComparison.Ordinal);
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.All(errors.EnumerateObject(), e => Assert.Contains(e.Value[0].GetString()!, detail, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("msk_notakeyatall")]
    [InlineData("something else")]
    public async Task Without_a_valid_key_every_call_is_a_401_problem(string? key)
    {
        using var client = Create(app, key);

        using var post = await client.PostEventAsync(Event(NewUser(), EventTypes.WinLogged, Monday, "k"));
        using var get = await client.GetAsync("/api/v1/milestones", TestContext.Current.CancellationToken);

        foreach (var response in new[] { post, get })
        {
            await response.AssertStatusAsync(HttpStatusCode.Unauthorized);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("A valid API key is required.", (await response.JsonAsync()).GetProperty("title").GetString());
        }
    }

    [Fact]
    public async Task A_revoked_key_is_refused_at_once()
    {
        var created = await CreateKeyAsync(app);
        using var client = Create(app, created.Key);
        using var before = await client.GetAsync("/api/v1/milestones", TestContext.Current.CancellationToken);

        await app.Services.GetRequiredService<ApiKeyService>().RevokeAsync(created.Info.Name, TestContext.Current.CancellationToken);
        using var after = await client.PostEventAsync(Event(NewUser(), EventTypes.WinLogged, Monday, "after-revoke"));

        await before.AssertStatusAsync(HttpStatusCode.OK);
        await after.AssertStatusAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Problem_titles_follow_Accept_Language()
    {
        using var spanish = await CreateWithNewKeyAsync(app, "es");
        using var german = Create(app, key: null, "de");

        using var badRequest = await spanish.PostRawAsync("/api/v1/events", "{}");
        using var unauthorized = await german.GetAsync("/api/v1/milestones", TestContext.Current.CancellationToken);

        Assert.Equal("La solicitud no es válida.", (await badRequest.JsonAsync()).GetProperty("title").GetString());
        Assert.Equal("Ein gültiger API-Schlüssel ist erforderlich.", (await unauthorized.JsonAsync()).GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_person_s_milestones_show_what_they_hold_and_their_progress()
    {
        using var client = await CreateWithNewKeyAsync(app);
        var user = NewUser();
        var recorded = await (await client.PostEventAsync(Event(user, EventTypes.WinLogged, Monday.AddHours(9), "win-1"))).JsonAsync();

        using var response = await client.GetAsync($"/api/v1/users/{user}/milestones", TestContext.Current.CancellationToken);

        await response.AssertStatusAsync(HttpStatusCode.OK);
        var body = await response.JsonAsync();
        var held = Assert.Single(body.GetProperty("held").EnumerateArray());
        var award = recorded.GetProperty("newlyAwarded")[0];
        Assert.Equal("first_win", held.GetProperty("code").GetString());
        Assert.Equal(award.GetProperty("achievedAt").GetDateTimeOffset(), held.GetProperty("achievedAt").GetDateTimeOffset());
        Assert.Equal(award.GetProperty("awardedAt").GetDateTimeOffset(), held.GetProperty("awardedAt").GetDateTimeOffset());
        var progress = body.GetProperty("progress").EnumerateArray().ToDictionary(p => p.GetProperty("code").GetString()!);
        Assert.Equal(("count", 1, 10), (progress["wins_10"].GetProperty("ruleType").GetString(), progress["wins_10"].GetProperty("current").GetInt32(), progress["wins_10"].GetProperty("target").GetInt32()));
        Assert.Equal(7, progress["wins_3_in_7"].GetProperty("windowDays").GetInt32());
        Assert.Equal(14, progress["welcome_back_14"].GetProperty("gapDays").GetInt32());
        Assert.DoesNotContain("first_win", progress.Keys);
    }

    [Fact]
    public async Task A_person_s_milestones_name_the_nearest_one_ahead_as_next()
    {
        using var client = await CreateWithNewKeyAsync(app);
        var user = NewUser();
        await client.PostEventAsync(Event(user, EventTypes.WinLogged, Monday.AddHours(9), "win-1"));

        using var response = await client.GetAsync($"/api/v1/users/{user}/milestones", TestContext.Current.CancellationToken);

        var next = (await response.JsonAsync()).GetProperty("next");
        // One habit away from its first habit: fewer to go than two more wins within the week or nine more wins.
        Assert.Equal(("first_habit", "First habit done", 0, 1), (
            next.GetProperty("code").GetString(), next.GetProperty("title").GetString(),
            next.GetProperty("current").GetInt32(), next.GetProperty("target").GetInt32()));
    }

    [Fact]
    public async Task The_milestones_are_listed_in_the_request_s_language()
    {
        using var client = await CreateWithNewKeyAsync(app, "de");

        using var response = await client.GetAsync("/api/v1/milestones", TestContext.Current.CancellationToken);

        await response.AssertStatusAsync(HttpStatusCode.OK);
        var milestones = (await response.JsonAsync()).EnumerateArray().ToDictionary(m => m.GetProperty("code").GetString()!);
        Assert.Equal("Fünfzig Erfolge", milestones["wins_50"].GetProperty("title").GetString());
        Assert.Equal("count", milestones["wins_50"].GetProperty("ruleType").GetString());
        Assert.Equal(50, milestones["wins_50"].GetProperty("ruleData").GetProperty("threshold").GetInt32());
    }

    private static string NewUser() => $"api-user-{Guid.NewGuid():N}";
}
