using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MilestonesApp.Data;
using MilestonesApp.Engine;

namespace MilestonesApp.Benchmarks.Fixtures;

/// <summary>
/// The app's real engine on one SQLite file: the registrations the app makes (AddMilestonesData, AddMilestoneEngine),
/// its migrations, WAL and milestone seed, and its hosted services (the background WAL checkpoint). No logging
/// provider, so nothing but the engine runs on the hot path.
/// </summary>
internal sealed class EngineFixture : IAsyncDisposable
{
    private readonly IHost host;
    private readonly SqliteSynchronous synchronous;

    private EngineFixture(IHost host, string databasePath, SqliteSynchronous synchronous)
    {
        this.host = host;
        this.synchronous = synchronous;
        DatabasePath = databasePath;
    }

    public string DatabasePath { get; }

    public string ConnectionString => ConnectionStringFor(DatabasePath);

    public IMilestoneEngine Engine => host.Services.GetRequiredService<IMilestoneEngine>();

    public IMilestoneCatalog Catalog => host.Services.GetRequiredService<IMilestoneCatalog>();

    public IMilestoneBackfill Backfill => host.Services.GetRequiredService<IMilestoneBackfill>();

    public static string ConnectionStringFor(string databasePath) =>
        new SqliteConnectionStringBuilder { DataSource = databasePath }.ToString();

    public static async Task<EngineFixture> OpenAsync(string databasePath, SqliteSynchronous synchronous = SqliteSynchronous.Normal)
    {
        var host = await StartHostAsync(new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{DatabaseOptions.ConnectionStringName}"] = ConnectionStringFor(databasePath),
            [$"{DatabaseOptions.Section}:{nameof(DatabaseOptions.Synchronous)}"] = synchronous.ToString(),
        });
        return new EngineFixture(host, databasePath, synchronous);
    }

    /// <summary>The app's data and engine registrations with the given settings, migrated, seeded and started.</summary>
    public static async Task<IHost> StartHostAsync(IReadOnlyDictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddMilestonesData();
        builder.AddMilestoneEngine();
        var host = builder.Build();
        await host.InitializeDatabaseAsync();
        await host.StartAsync();
        return host;
    }

    /// <summary>A raw connection to the same file with the app's durability setting, for plain SQL.</summary>
    public async Task<SqliteConnection> OpenRawConnectionAsync()
    {
        var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = $"PRAGMA synchronous = {synchronous.ToString().ToUpperInvariant()};";
        await pragma.ExecuteNonQueryAsync();
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();

        // Pooled connections keep the file open and its WAL unmerged until cleared; a copy must see one whole file.
        SqliteConnection.ClearAllPools();
    }
}
