using Microsoft.Data.Sqlite;
using MilestonesApp.Benchmarks.Fixtures;
using MilestonesApp.Benchmarks.Harness;
using MilestonesApp.Data;

namespace MilestonesApp.Benchmarks.Benchmarks;

/// <summary>
/// B8: what the webhook outbox costs the write path. RecordAsync on two copies of one seeded history, one with a live
/// webhook endpoint (every award also writes a delivery row, by the trigger on user_milestones) and one with none,
/// alternating in short rounds; their ratio is taken within each round. No dispatcher runs: this is the write's cost.
/// </summary>
internal static class WebhookOutboxBenchmark
{
    private const int EventsPerRun = 1_000;
    private const int Rounds = 20;
    private const double Goal = 0.9;

    public static async Task<IReadOnlyList<ResultRow>> RunAsync(Workspace workspace, string seededPath, HistoryShape history)
    {
        var users = history.AllUsers();
        await using var none = await EngineFixture.OpenAsync(workspace.Copy(seededPath, "b8-none.db"), SqliteSynchronous.Normal);
        await using var one = await EngineFixture.OpenAsync(workspace.Copy(seededPath, "b8-one.db"), SqliteSynchronous.Normal);
        await ExecuteAsync(one.ConnectionString,
            "INSERT INTO webhook_endpoints (name, url, protected_secret, created_at) VALUES ('bench', 'https://example.invalid/hook', 'unused', 0)");
        var (noneEvents, oneEvents) = (EventStream.After(history, users, "b8n"), EventStream.After(history, users, "b8o"));
        Func<Task<RunSample>> withoutEndpoint = () => Timing.RunAsync(e => none.Engine.RecordAsync(e), noneEvents, EventsPerRun);
        Func<Task<RunSample>> withEndpoint = () => Timing.RunAsync(e => one.Engine.RecordAsync(e), oneEvents, EventsPerRun);

        var samples = await Timing.InterleaveAsync([withoutEndpoint, withEndpoint], Rounds, "B8 none / one endpoint");
        var deliveries = await CountAsync(one.ConnectionString, "SELECT count(*) FROM webhook_deliveries");

        var with = new Distribution(samples[1].Select(s => s.EventsPerSecond));
        var ratio = Timing.Ratio(samples[1], samples[0], s => s.EventsPerSecond);
        return
        [
            new ResultRow("B8", $"RecordAsync with one live webhook endpoint against none, same run, alternating ({deliveries:N0} outbox rows written)",
                $"{with.Median:N0} events/s = {ratio.Median:F2} × none", ratio.SpreadText, $"≥ {Goal} × none",
                ratio.Median >= Goal ? "met" : "MISSED"),
        ];
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new SqliteCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> CountAsync(string connectionString, string sql)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new SqliteCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
