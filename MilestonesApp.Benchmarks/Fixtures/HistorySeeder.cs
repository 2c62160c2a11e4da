using System.Diagnostics;
using Microsoft.Data.Sqlite;
using MilestonesApp.Benchmarks.Harness;

namespace MilestonesApp.Benchmarks.Fixtures;

/// <summary>
/// Bulk-loads a history with raw SQL: one INSERT ... SELECT over a recursive sequence per large transaction, users in
/// key order so the indexes grow at their end, then the stats rows as a fold of the events (what the engine keeps).
/// </summary>
internal static class HistorySeeder
{
    private const int EventsPerTransaction = 250_000;

    private const string InsertEvents = """
        WITH RECURSIVE seq(n) AS (SELECT @first UNION ALL SELECT n + 1 FROM seq WHERE n + 1 < @last)
        INSERT INTO events (user_id, event_type, occurred_at, metadata, idempotency_key, recorded_at)
        SELECT 'user' || printf('%06d', @first_user + n / @per),
               CASE WHEN (n * 2654435761) % 1000003 % 100 < 20 THEN 'UserLoggedIn'
                    WHEN (n * 2654435761) % 1000003 % 100 < 60 THEN 'WinLogged'
                    ELSE 'HabitCompleted' END,
               @start + (n % @per) * @step + (n * 40503) % @step,
               NULL, NULL, @end
        FROM seq
        """;

    private const string FoldStats = """
        INSERT INTO user_stats (user_id, login_count, total_wins, total_habits_completed, last_login_at, last_activity_at)
        SELECT user_id,
               sum(event_type = 'UserLoggedIn'), sum(event_type = 'WinLogged'), sum(event_type = 'HabitCompleted'),
               max(CASE WHEN event_type = 'UserLoggedIn' THEN occurred_at END), max(occurred_at)
        FROM events
        GROUP BY user_id
        """;

    /// <summary>Loads each shape's events, then folds every user's stats once; the shapes' user ranges must not overlap.</summary>
    public static async Task SeedAsync(string connectionString, IReadOnlyList<HistoryShape> shapes)
    {
        var clock = Stopwatch.StartNew();
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        foreach (var shape in shapes)
        {
            await InsertEventsAsync(connection, shape);
        }

        await using (var transaction = connection.BeginTransaction())
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = FoldStats;
            await command.ExecuteNonQueryAsync();
            await transaction.CommitAsync();
        }

        Progress.Say($"seeded {shapes.Sum(s => s.TotalEvents):N0} events for {shapes.Sum(s => s.Users):N0} users in {clock.Elapsed.TotalSeconds:F1} s");
    }

    private static async Task InsertEventsAsync(SqliteConnection connection, HistoryShape shape)
    {
        var start = shape.Start.ToUnixTimeMilliseconds();
        var step = (shape.End.ToUnixTimeMilliseconds() - start) / shape.EventsPerUser;
        for (long first = 0; first < shape.TotalEvents; first += EventsPerTransaction)
        {
            await using var transaction = connection.BeginTransaction();
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = InsertEvents;
            command.Parameters.AddWithValue("@first", first);
            command.Parameters.AddWithValue("@last", Math.Min(first + EventsPerTransaction, shape.TotalEvents));
            command.Parameters.AddWithValue("@first_user", shape.FirstUser);
            command.Parameters.AddWithValue("@per", shape.EventsPerUser);
            command.Parameters.AddWithValue("@start", start);
            command.Parameters.AddWithValue("@step", step);
            command.Parameters.AddWithValue("@end", shape.End.ToUnixTimeMilliseconds());
            await command.ExecuteNonQueryAsync();
            await transaction.CommitAsync();
        }
    }
}
