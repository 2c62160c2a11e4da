using System.Text.Json.Nodes;
using MilestonesApp.Engine;
using MilestonesApp.Tests.Shared;

namespace MilestonesApp.Tests.Engine;

public sealed class IdempotencyTests
{
    private const string User = "user-1";
    private static readonly DateTimeOffset At = EngineHost.Now.AddDays(-1);

    [Fact]
    public async Task Retry_with_the_same_key_changes_nothing_and_reports_the_original_awards()
    {
        await using var host = await EngineHost.StartAsync();
        await host.SaveMilestonesAsync(TestMilestones.Count("test_wins_1", StatsCounters.TotalWins, 1));
        var original = await host.RecordAsync(User, EventTypes.WinLogged, At, "win-1");
        var rows = await host.CountRowsAsync();
        var stats = await host.StatsOfAsync(User);
        var awards = await host.AwardsOfAsync(User);

        host.Clock.Advance(TimeSpan.FromMinutes(10));
        var retry = await host.RecordAsync(User, EventTypes.WinLogged, At, "win-1");

        Assert.False(original.WasDuplicate);
        Assert.True(retry.WasDuplicate);
        Assert.Equal(original.EventId, retry.EventId);
        Assert.Contains(original.NewlyAwarded, award => award.Code == "test_wins_1");
        Assert.Equal(original.NewlyAwarded, retry.NewlyAwarded);
        Assert.Equal(rows, await host.CountRowsAsync());
        Assert.Equivalent(stats, await host.StatsOfAsync(User));
        Assert.Equal(
            awards.Select(a => (a.Id, a.MilestoneId, a.EventId, a.AchievedAt, a.AwardedAt)),
            (await host.AwardsOfAsync(User)).Select(a => (a.Id, a.MilestoneId, a.EventId, a.AchievedAt, a.AwardedAt)));
    }

    [Fact]
    public async Task Retry_of_an_event_that_awarded_nothing_reports_nothing()
    {
        await using var host = await EngineHost.StartAsync();
        await host.RecordAsync(User, EventTypes.WinLogged, At, "win-1");
        var second = await host.RecordAsync(User, EventTypes.WinLogged, At.AddMinutes(1), "win-2");

        var retry = await host.RecordAsync(User, EventTypes.WinLogged, At.AddMinutes(1), "win-2");

        Assert.Empty(second.NewlyAwarded);
        Assert.True(retry.WasDuplicate);
        Assert.Equal(second.EventId, retry.EventId);
        Assert.Empty(retry.NewlyAwarded);
    }

    [Fact]
    public async Task Retry_still_reports_an_award_whose_milestone_was_deactivated_since()
    {
        await using var host = await EngineHost.StartAsync();
        var milestone = TestMilestones.Count("test_wins_1", StatsCounters.TotalWins, 1);
        await host.SaveMilestonesAsync(milestone);
        var original = await host.RecordAsync(User, EventTypes.WinLogged, At, "win-1");

        await host.SaveMilestonesAsync(milestone with { IsActive = false });
        var retry = await host.RecordAsync(User, EventTypes.WinLogged, At, "win-1");

        Assert.True(retry.WasDuplicate);
        Assert.Equal(original.NewlyAwarded, retry.NewlyAwarded);
    }

    [Theory]
    [InlineData("another type")]
    [InlineData("another time")]
    [InlineData("a millisecond later")]
    [InlineData("other metadata")]
    [InlineData("metadata added")]
    [InlineData("metadata left out")]
    public async Task The_same_key_with_a_different_event_is_refused_and_writes_nothing(string difference)
    {
        await using var host = await EngineHost.StartAsync();
        var original = new DomainEvent(User, EventTypes.WinLogged, At, new JsonObject { ["note"] = "ran 5 km" }, "win-1");
        var first = await host.Engine.RecordAsync(original, TestContext.Current.CancellationToken);
        var rows = await host.CountRowsAsync();
        var reused = difference switch
        {
            "another type" => original with { EventType = EventTypes.HabitCompleted },
            "another time" => original with { OccurredAt = At.AddDays(-1) },
            "a millisecond later" => original with { OccurredAt = At.AddMilliseconds(1) },
            "other metadata" => original with { Metadata = new JsonObject { ["note"] = "ran 10 km" } },
            "metadata added" => original with { Metadata = new JsonObject { ["note"] = "ran 5 km", ["mood"] = "proud" } },
            _ => original with { Metadata = null },
        };

        var refused = await Assert.ThrowsAsync<IdempotencyKeyReusedException>(() => host.Engine.RecordAsync(reused, TestContext.Current.CancellationToken));

        Assert.Equal(first.EventId, refused.OriginalEventId);
        Assert.Equal("win-1", refused.IdempotencyKey);
        Assert.Equal(rows, await host.CountRowsAsync());
        Assert.Equal(1, (await host.StatsOfAsync(User))!.TotalWins);
    }

    [Fact]
    public async Task The_same_event_retried_with_its_metadata_reordered_and_its_time_below_a_millisecond_apart_is_a_duplicate()
    {
        await using var host = await EngineHost.StartAsync();
        var original = new DomainEvent(User, EventTypes.WinLogged, At, JsonNode.Parse("""{"note":"ran 5 km","place":{"city":"Oslo","km":5}}""")!.AsObject(), "win-1");
        var first = await host.Engine.RecordAsync(original, TestContext.Current.CancellationToken);

        var retry = await host.Engine.RecordAsync(
            original with
            {
                OccurredAt = At.AddTicks(1),
                Metadata = JsonNode.Parse("""{ "place": { "km": 5, "city": "Oslo" }, "note": "ran 5 km" }""")!.AsObject(),
            },
            TestContext.Current.CancellationToken);

        Assert.True(retry.WasDuplicate);
        Assert.Equal(first.EventId, retry.EventId);
    }

    [Fact]
    public async Task The_same_key_from_another_user_is_a_new_event()
    {
        await using var host = await EngineHost.StartAsync();
        var first = await host.RecordAsync(User, EventTypes.WinLogged, At, "win-1");

        var other = await host.RecordAsync("user-2", EventTypes.WinLogged, At, "win-1");

        Assert.False(other.WasDuplicate);
        Assert.NotEqual(first.EventId, other.EventId);
        Assert.Equal(1, (await host.StatsOfAsync("user-2"))!.TotalWins);
    }
}
