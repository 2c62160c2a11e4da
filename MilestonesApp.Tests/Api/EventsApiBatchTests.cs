using System.Net;
using System.Text.Json;
using MilestonesApp.Engine;
using MilestonesApp.Tests.Shared;
using static MilestonesApp.Tests.Api.EventsApiClient;

namespace MilestonesApp.Tests.Api;

/// <summary>POST /api/v1/events/batch: results in order, refused events among recorded ones, and the same awards as one by one.</summary>
public sealed class EventsApiBatchTests(MilestonesAppFactory app) : IClassFixture<MilestonesAppFactory>
{
    private static readonly DateTimeOffset Start = DateTimeOffset.UtcNow.Date.AddDays(-40);

    [Fact]
    public async Task A_batch_awards_what_the_same_events_one_by_one_award()
    {
        using var client = await CreateWithNewKeyAsync(app);
        var (batchUser, singleUser) = ($"batch-{Guid.NewGuid():N}", $"single-{Guid.NewGuid():N}");
        var history = History();

        using var batch = await client.PostBatchAsync(history.Select(e => Event(batchUser, e.Type, e.At, e.Key)));
        var oneByOne = new List<JsonElement>();
        foreach (var (type, at, key) in history)
        {
            oneByOne.Add(await (await client.PostEventAsync(Event(singleUser, type, at, key))).JsonAsync());
        }

        await batch.AssertStatusAsync(HttpStatusCode.OK);
        var results = (await batch.JsonAsync()).GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(history.Count, results.Count);
        Assert.All(results, r => Assert.Equal(200, r.GetProperty("status").GetInt32()));
        Assert.Equal(oneByOne.Select(Awarded), results.Select(Awarded));
        Assert.Contains(results, r => r.GetProperty("newlyAwarded").GetArrayLength() > 0);
        Assert.Equal(await HeldAsync(client, singleUser), await HeldAsync(client, batchUser));
    }

    [Fact]
    public async Task A_refused_event_gets_its_problem_in_its_place_and_the_others_are_recorded()
    {
        using var client = await CreateWithNewKeyAsync(app);
        var user = $"mixed-{Guid.NewGuid():N}";

        using var response = await client.PostBatchAsync(
        [
            Event(user, EventTypes.WinLogged, Start, "one"),
            new { userId = user, type = EventTypes.WinLogged, occurredAt = Start },
            Event(user, "Sleep", Start, "three"),
            Event(user, EventTypes.WinLogged, Start.AddHours(1), "four"),
        ]);

        await response.AssertStatusAsync(HttpStatusCode.OK);
        var results = (await response.JsonAsync()).GetProperty("results").EnumerateArray().ToList();
        Assert.Equal([200, 400, 400, 200], results.Select(r => r.GetProperty("status").GetInt32()));
        Assert.Equal(["first_win"], Codes(results[0].GetProperty("newlyAwarded")));
        Assert.True(results[1].GetProperty("errors").TryGetProperty("idempotencyKey", out _));
        Assert.Contains("Sleep", results[2].GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("The request is not valid.", results[2].GetProperty("title").GetString());
        Assert.False(results[2].TryGetProperty("eventId", out _));
        Assert.True(results[3].GetProperty("eventId").GetInt64() > results[0].GetProperty("eventId").GetInt64());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1_001)]
    public async Task A_batch_of_no_events_or_more_than_a_thousand_is_refused_whole(int count)
    {
        using var client = await CreateWithNewKeyAsync(app);
        var user = $"big-{Guid.NewGuid():N}";

        using var response = await client.PostBatchAsync(
            Enumerable.Range(0, count).Select(i => Event(user, EventTypes.WinLogged, Start.AddMinutes(i), $"e{i}")));

        await response.AssertStatusAsync(HttpStatusCode.BadRequest);
        Assert.Contains($"this one has {count}", (await response.JsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty(await HeldAsync(client, user));
    }

    // Wins, habits and logins over five weeks with gaps, so that counts, windows and a return after a gap all award.
    private static List<(string Type, DateTimeOffset At, string Key)> History()
    {
        var random = new Random(20261129);
        var events = new List<(string, DateTimeOffset, string)>();
        for (var day = 0; day < 36; day++)
        {
            if (day is > 10 and < 26)
            {
                continue;
            }

            var at = Start.AddDays(day).AddHours(8);
            events.Add((EventTypes.UserLoggedIn, at, $"login-{day}"));
            for (var i = 0; i < random.Next(1, 4); i++)
            {
                events.Add((random.Next(2) == 0 ? EventTypes.WinLogged : EventTypes.HabitCompleted, at.AddMinutes(10 + i), $"do-{day}-{i}"));
            }
        }

        return events;
    }

    private static string Awarded(JsonElement result) => string.Join(",", result.GetProperty("newlyAwarded").EnumerateArray()
        .Select(a => $"{a.GetProperty("code").GetString()}@{a.GetProperty("achievedAt").GetDateTimeOffset():O}"));

    private static async Task<List<string>> HeldAsync(HttpClient client, string user)
    {
        var body = await (await client.GetAsync($"/api/v1/users/{user}/milestones", TestContext.Current.CancellationToken)).JsonAsync();
        return [.. body.GetProperty("held").EnumerateArray()
            .Select(h => $"{h.GetProperty("code").GetString()}@{h.GetProperty("achievedAt").GetDateTimeOffset().ToUniversalTime():O}")
            .Order(StringComparer.Ordinal)];
    }
}
