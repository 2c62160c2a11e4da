using Microsoft.Extensions.DependencyInjection;
using MilestonesApp.Data;
using MilestonesApp.Engine;
using MilestonesApp.Tests.Shared;

namespace MilestonesApp.Tests.Engine;

/// <summary>The reads the app's services ask the engine for, instead of querying its tables.</summary>
public sealed class EngineReadsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, OnEachProvider]
    public async Task A_user_s_stats_stored_keys_and_awards_are_read_as_stored(DatabaseProvider provider)
    {
        await using var host = await EngineHost.StartAsync(provider);
        await host.KeepOnlyMilestonesAsync(TestMilestones.Count("test_wins_1", StatsCounters.TotalWins, 1));
        var reads = host.Services.GetRequiredService<IEngineReads>();
        await host.RecordAsync("user-1", EventTypes.WinLogged, EngineHost.Now.AddHours(-2), "win-1");
        await host.RecordAsync("user-1", EventTypes.WinLogged, EngineHost.Now.AddHours(-1), "win-2");
        await host.RecordAsync("user-2", EventTypes.WinLogged, EngineHost.Now, "win-3");

        var stats = await reads.StatsAsync("user-1", Ct);
        var keys = await reads.StoredKeysAsync("user-1", ["win-1", "win-3", "win-9"], Ct);
        var award = Assert.Single(await reads.AwardsAsync("user-1", Ct));

        Assert.Equal((2L, (DateTimeOffset?)EngineHost.Now.AddHours(-1)), (stats.TotalWins, stats.LastActivityAt));
        Assert.Equal(["win-1"], keys);
        Assert.Equal(("test_wins_1", EngineHost.Now.AddHours(-2)), (award.Milestone.Code, award.AchievedAt));
        Assert.Equal(award.Id, (await host.AwardOfAsync("user-1", "test_wins_1"))!.Id);
        Assert.Equal(UserStatsSnapshot.Empty("nobody"), await reads.StatsAsync("nobody", Ct));
        Assert.Empty(await reads.AwardsAsync("nobody", Ct));
    }
}
