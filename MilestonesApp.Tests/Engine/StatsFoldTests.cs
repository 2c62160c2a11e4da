using MilestonesApp.Data;
using MilestonesApp.Engine;
using MilestonesApp.Tests.Shared;

namespace MilestonesApp.Tests.Engine;

public sealed class StatsFoldTests
{
    private static readonly DateTimeOffset Start = EngineHost.Now.AddDays(-20);

    [Theory, OnEachProvider]
    public async Task The_rows_the_engine_keeps_incrementally_equal_the_fold_of_each_users_events(DatabaseProvider provider)
    {
        await using var host = await EngineHost.StartAsync(provider);
        for (var i = 0; i < 30; i++)
        {
            // Out of order, with same-instant events and a retry, to exercise everything the upsert must get right.
            var at = Start.AddHours((i * 7) % 23).AddMinutes(i % 2);
            await host.RecordAsync($"user-{i % 3}", EventTypes.All[i % EventTypes.All.Count], at, $"event-{i}");
            await host.RecordAsync($"user-{i % 3}", EventTypes.All[i % EventTypes.All.Count], at, $"event-{i}");
        }

        await host.RecordAsync("user-only-wins", EventTypes.WinLogged, Start);

        foreach (var userId in new[] { "user-0", "user-1", "user-2", "user-only-wins" })
        {
            var kept = await host.StatsOfAsync(userId);
            var folded = await host.FoldOfEventsAsync(userId);
            Assert.NotNull(kept);
            Assert.Equal(folded, new UserStatsSnapshot(userId, kept.LoginCount, kept.TotalWins, kept.TotalHabitsCompleted, kept.LastLoginAt, kept.LastActivityAt));
        }
    }
}
