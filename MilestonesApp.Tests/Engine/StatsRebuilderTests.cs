using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MilestonesApp.Data.Entities;
using MilestonesApp.Data;
using MilestonesApp.Engine;
using MilestonesApp.Tests.Shared;

namespace MilestonesApp.Tests.Engine;

public sealed class StatsRebuilderTests
{
    private static readonly DateTimeOffset Start = EngineHost.Now.AddDays(-20);

    [Theory, OnEachProvider]
    public async Task Rebuilt_rows_equal_the_rows_the_engine_kept_incrementally(DatabaseProvider provider)
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
        var incremental = await AllStatsAsync(host);

        var rebuilt = await host.Services.GetRequiredService<StatsRebuilder>().RebuildAllAsync(TestContext.Current.CancellationToken);

        Assert.Equal(4, rebuilt);
        Assert.Equal(incremental, await AllStatsAsync(host));
    }

    [Theory, OnEachProvider]
    public async Task Rebuilding_a_user_repairs_a_drifted_row(DatabaseProvider provider)
    {
        await using var host = await EngineHost.StartAsync(provider);
        await host.RecordAsync("user-1", EventTypes.UserLoggedIn, Start);
        await host.RecordAsync("user-1", EventTypes.WinLogged, Start.AddHours(1));
        var kept = await AllStatsAsync(host);
        await host.QueryAsync((db, cancellationToken) => db.Database.ExecuteSqlRawAsync(
            "UPDATE user_stats SET total_wins = 99, last_login_at = NULL WHERE user_id = 'user-1'", cancellationToken));

        var stats = await host.Services.GetRequiredService<StatsRebuilder>().RebuildAsync("user-1", TestContext.Current.CancellationToken);

        Assert.Equal(new UserStatsSnapshot("user-1", 1, 1, 0, Start, Start.AddHours(1)), stats);
        Assert.Equal(kept, await AllStatsAsync(host));
    }

    [Theory, OnEachProvider]
    public async Task A_stats_row_without_events_is_removed(DatabaseProvider provider)
    {
        await using var host = await EngineHost.StartAsync(provider);
        await host.QueryAsync((db, cancellationToken) => db.Database.ExecuteSqlRawAsync(
            "INSERT INTO user_stats (user_id, login_count, total_wins, total_habits_completed) VALUES ('ghost', 3, 0, 0)", cancellationToken));

        var stats = await host.Services.GetRequiredService<StatsRebuilder>().RebuildAsync("ghost", TestContext.Current.CancellationToken);

        Assert.Null(stats);
        Assert.Null(await host.StatsOfAsync("ghost"));
    }

    private static Task<List<(string, long, long, long, DateTimeOffset?, DateTimeOffset?)>> AllStatsAsync(EngineHost host) =>
        host.QueryAsync(async (db, cancellationToken) => (await db.UserStats.AsNoTracking().OrderBy(s => s.UserId).ToListAsync(cancellationToken))
            .ConvertAll(Row));

    private static (string, long, long, long, DateTimeOffset?, DateTimeOffset?) Row(UserStats s) =>
        (s.UserId, s.LoginCount, s.TotalWins, s.TotalHabitsCompleted, s.LastLoginAt, s.LastActivityAt);
}
