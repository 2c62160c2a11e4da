using System.Diagnostics;
using MilestonesApp.Benchmarks.Harness;
using MilestonesApp.Engine;

namespace MilestonesApp.Benchmarks.Fixtures;

/// <summary>Builds a database file that a benchmark starts from, then closes it so it can be copied.</summary>
internal static class SeededDatabase
{
    /// <summary>
    /// The app's schema and 13 seeded milestones plus <paramref name="extraMilestones"/>, the histories, and one login
    /// per active user through the engine, so the awards their history earned are held before anything is measured.
    /// </summary>
    public static async Task<string> CreateAsync(
        Workspace workspace, string fileName, IReadOnlyList<HistoryShape> histories, int extraMilestones, IReadOnlyList<string> activeUsers)
    {
        var path = workspace.PathOf(fileName);
        await using var fixture = await EngineFixture.OpenAsync(path);
        await BenchmarkMilestones.AddAsync(fixture.Catalog, extraMilestones);
        await HistorySeeder.SeedAsync(fixture.ConnectionString, histories);

        var clock = Stopwatch.StartNew();
        var loginAt = histories.Max(history => history.End).AddMinutes(1);
        foreach (var user in activeUsers)
        {
            await fixture.Engine.RecordAsync(new DomainEvent(user, EventTypes.UserLoggedIn, loginAt, IdempotencyKey: "seed-catch-up"));
        }

        Progress.Say($"{fileName}: caught up {activeUsers.Count:N0} users in {clock.Elapsed.TotalSeconds:F1} s");
        return path;
    }
}
