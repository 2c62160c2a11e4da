using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MilestonesApp.Benchmarks.Harness;
using MilestonesApp.Data;
using MilestonesApp.Engine;
using Npgsql;

namespace MilestonesApp.Benchmarks.Fixtures;

/// <summary>
/// A database of its own on the PostgreSQL server named by <see cref="Variable"/>, migrated and seeded by the app
/// and loaded with a history in bulk, on which app nodes (hosts with the app's registrations) are started. Dropped on
/// dispose.
/// </summary>
internal sealed class PostgreSqlDatabase : IAsyncDisposable
{
    public const string Variable = "MILESTONES_TEST_POSTGRES";

    private const string InsertEvents = """
        INSERT INTO events (user_id, event_type, occurred_at, metadata, idempotency_key, recorded_at)
        SELECT 'user' || lpad((n / @per)::text, 6, '0'),
               CASE WHEN (n * 2654435761) % 1000003 % 100 < 20 THEN 'UserLoggedIn'
                    WHEN (n * 2654435761) % 1000003 % 100 < 60 THEN 'WinLogged'
                    ELSE 'HabitCompleted' END,
               @start + (n % @per) * @step + (n * 40503) % @step,
               NULL, NULL, @end
        FROM generate_series(0::bigint, @total - 1) AS n
        """;

    private const string FoldStats = """
        INSERT INTO user_stats (user_id, login_count, total_wins, total_habits_completed, last_login_at, last_activity_at)
        SELECT user_id,
               count(*) FILTER (WHERE event_type = 'UserLoggedIn'), count(*) FILTER (WHERE event_type = 'WinLogged'),
               count(*) FILTER (WHERE event_type = 'HabitCompleted'),
               max(occurred_at) FILTER (WHERE event_type = 'UserLoggedIn'), max(occurred_at)
        FROM events
        GROUP BY user_id
        """;

    private readonly string server;
    private readonly string name = "bench_" + Guid.NewGuid().ToString("N");
    private readonly List<IHost> nodes = [];

    private PostgreSqlDatabase(string server)
    {
        this.server = server;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString();
    }

    public string ConnectionString { get; }

    /// <summary>The database's name on the server.</summary>
    public string Name => name;

    /// <summary>The node that migrated, seeded and caught the database up.</summary>
    public IServiceProvider FirstNode => nodes[0].Services;

    /// <summary>The server the benchmarks may use, or null when none is configured.</summary>
    public static string? Server => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    /// <summary>Creates the database, migrates and seeds it through a first node, loads the history and catches its users up.</summary>
    public static async Task<PostgreSqlDatabase> CreateAsync(string server, HistoryShape history, int extraMilestones)
    {
        var database = new PostgreSqlDatabase(server);
        await database.ExecuteOnServerAsync($"CREATE DATABASE {database.name}");
        var first = await database.StartNodeAsync();
        await BenchmarkMilestones.AddAsync(first.GetRequiredService<IMilestoneCatalog>(), extraMilestones);
        await database.LoadHistoryAsync(history);

        var clock = Stopwatch.StartNew();
        var engine = first.GetRequiredService<IMilestoneEngine>();
        foreach (var user in history.AllUsers())
        {
            await engine.RecordAsync(new DomainEvent(user, EventTypes.UserLoggedIn, history.End.AddMinutes(1), IdempotencyKey: "seed-catch-up"));
        }

        Progress.Say($"PostgreSQL: caught up {history.Users:N0} users in {clock.Elapsed.TotalSeconds:F1} s");
        return database;
    }

    /// <summary>One more app node on the database: its own host, connection pool and definition cache.</summary>
    public async Task<IServiceProvider> StartNodeAsync()
    {
        var host = await EngineFixture.StartHostAsync(new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{DatabaseOptions.ConnectionStringName}"] = ConnectionString,
            [$"{DatabaseOptions.Section}:{nameof(DatabaseOptions.Provider)}"] = nameof(DatabaseProvider.PostgreSql),
        });
        nodes.Add(host);
        return host.Services;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in nodes)
        {
            await node.StopAsync();
            node.Dispose();
        }

        NpgsqlConnection.ClearAllPools();
        await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
    }

    private async Task LoadHistoryAsync(HistoryShape history)
    {
        var clock = Stopwatch.StartNew();
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        var start = history.Start.ToUnixTimeMilliseconds();
        await using (var command = new NpgsqlCommand(InsertEvents, connection))
        {
            command.Parameters.AddWithValue("per", (long)history.EventsPerUser);
            command.Parameters.AddWithValue("start", start);
            command.Parameters.AddWithValue("step", (history.End.ToUnixTimeMilliseconds() - start) / history.EventsPerUser);
            command.Parameters.AddWithValue("end", history.End.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("total", history.TotalEvents);
            await command.ExecuteNonQueryAsync();
        }

        await using (var command = new NpgsqlCommand(FoldStats + "; ANALYZE", connection))
        {
            await command.ExecuteNonQueryAsync();
        }

        Progress.Say($"PostgreSQL: loaded {history.TotalEvents:N0} events for {history.Users:N0} users in {clock.Elapsed.TotalSeconds:F1} s");
    }

    private async Task ExecuteOnServerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
