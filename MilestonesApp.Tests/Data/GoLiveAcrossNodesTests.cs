using Microsoft.Extensions.DependencyInjection;
using MilestonesApp.Data;
using MilestonesApp.Engine;
using MilestonesApp.Tests.Shared;

namespace MilestonesApp.Tests.Data;

/// <summary>On PostgreSQL, two nodes going live with one milestone at once award and report each user once.</summary>
public sealed class GoLiveAcrossNodesTests
{
    [Fact]
    public async Task Going_live_on_two_nodes_at_once_awards_each_qualifying_user_once_and_reports_each_award_once()
    {
        await using var a = await EngineHost.StartAsync(DatabaseProvider.PostgreSql);
        await using var b = await EngineHost.StartAsync(a.Database);
        await a.KeepOnlyMilestonesAsync();
        string[] users = ["ana", "bo", "cy", "di", "ed"];
        for (var i = 0; i < users.Length; i++)
        {
            await a.RecordAsync(users[i], EventTypes.HabitCompleted, EngineHost.Now.AddDays(-1 - i), $"h-{i}");
        }

        await a.SaveMilestonesAsync(TestMilestones.Count("one_habit_live", StatsCounters.TotalHabitsCompleted, 1));

        // Both nodes' clocks stand at the same millisecond: the batches' awarded_at cannot tell their recipients apart.
        var results = await Task.WhenAll(new[] { a, b }.Select(node => Task.Run(() => node.Services.GetRequiredService<IMilestoneBackfill>()
            .AwardEveryoneWhoQualifiesAsync("one_habit_live", cancellationToken: TestContext.Current.CancellationToken))));

        Assert.Equal(users.Length, results.Sum(result => result.NewlyAwarded));
        foreach (var user in users)
        {
            Assert.Single(await a.AwardsOfAsync(user));
        }
    }
}
