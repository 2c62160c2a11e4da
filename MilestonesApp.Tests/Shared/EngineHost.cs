using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using MilestonesApp.Celebrations;
using MilestonesApp.Data;
using MilestonesApp.Data.Entities;
using MilestonesApp.Engine;

namespace MilestonesApp.Tests.Shared;

/// <summary>
/// The app's real data and engine registrations on a temporary database (a SQLite file unless a test asks for
/// PostgreSQL), migrated and seeded as at start-up, with a <see cref="FakeTimeProvider"/> for the clock. Engine,
/// component and admin tests build on it.
/// </summary>
public sealed class EngineHost : IAsyncDisposable
{
    /// <summary>Where the fake clock starts. Events a test records lie at or before it unless the test moves the clock.</summary>
    public static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly IHost host;
    private readonly ITestDatabase? ownedDatabase;

    private EngineHost(IHost host, FakeTimeProvider clock, ITestDatabase database, bool ownsDatabase)
    {
        this.host = host;
        Clock = clock;
        Database = database;
        ownedDatabase = ownsDatabase ? database : null;
    }

    public IServiceProvider Services => host.Services;

    public FakeTimeProvider Clock { get; }

    public ITestDatabase Database { get; }

    public IMilestoneEngine Engine => Services.GetRequiredService<IMilestoneEngine>();

    public IMilestoneCatalog Catalog => Services.GetRequiredService<IMilestoneCatalog>();

    /// <summary>Builds and initializes the host on a fresh database of the provider, deleted on dispose.</summary>
    public static Task<EngineHost> StartAsync(
        DatabaseProvider provider,
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configureServices = null,
        Action<IHostApplicationBuilder>? addMore = null) =>
        StartAsync(TestDatabases.Create(provider), ownsDatabase: true, settings, configureServices, addMore);

    /// <summary>
    /// Builds and initializes the host. Without <paramref name="database"/> it makes a fresh SQLite one and deletes it
    /// on dispose; pass one to restart on the same database, or to start a second node on it. <paramref name="settings"/> override configuration keys;
    /// <paramref name="configureServices"/> runs after the app's registrations, to replace a service with a double;
    /// <paramref name="addMore"/> adds more of the app's own registrations (its application services, say).
    /// </summary>
    public static Task<EngineHost> StartAsync(
        ITestDatabase? database = null,
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configureServices = null,
        Action<IHostApplicationBuilder>? addMore = null) =>
        StartAsync(database ?? new TemporarySqliteDatabase(), ownsDatabase: database is null, settings, configureServices, addMore);

    private static async Task<EngineHost> StartAsync(
        ITestDatabase database,
        bool ownsDatabase,
        IReadOnlyDictionary<string, string?>? settings,
        Action<IServiceCollection>? configureServices,
        Action<IHostApplicationBuilder>? addMore)
    {
        var clock = new FakeTimeProvider(Now);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            EnvironmentName = Environments.Development,
            ContentRootPath = database.Folder,
        });
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{DatabaseOptions.ConnectionStringName}"] = database.ConnectionString,
            [$"{DatabaseOptions.Section}:{nameof(DatabaseOptions.Provider)}"] = database.Provider.ToString(),
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.AddMilestonesData();
        builder.AddMilestoneEngine();
        builder.AddMilestoneTexts();
        addMore?.Invoke(builder);
        builder.Services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock));
        configureServices?.Invoke(builder.Services);

        var host = builder.Build();
        try
        {
            await host.InitializeDatabaseAsync(TestContext.Current.CancellationToken);
        }
        catch
        {
            host.Dispose();
            if (ownsDatabase)
            {
                database.Dispose();
            }

            throw;
        }

        return new EngineHost(host, clock, database, ownsDatabase);
    }

    /// <summary>Switches every seeded milestone off and saves <paramref name="definitions"/>: a catalog whose reads a test can count.</summary>
    public async Task KeepOnlyMilestonesAsync(params MilestoneDefinition[] definitions)
    {
        var seeded = await Catalog.ListAsync(TestContext.Current.CancellationToken);
        await SaveMilestonesAsync([.. seeded.Select(definition => definition with { IsActive = false }), .. definitions]);
    }

    public async Task SaveMilestonesAsync(params MilestoneDefinition[] definitions)
    {
        foreach (var definition in definitions)
        {
            await Catalog.SaveAsync(definition, TestContext.Current.CancellationToken);
        }
    }

    public Task<EngineResult> RecordAsync(string userId, string eventType, DateTimeOffset occurredAt, string? idempotencyKey = null) =>
        Engine.RecordAsync(new DomainEvent(userId, eventType, occurredAt, IdempotencyKey: idempotencyKey), TestContext.Current.CancellationToken);

    /// <summary>Runs a query on a fresh context from the app's factory.</summary>
    public async Task<T> QueryAsync<T>(Func<AppDbContext, CancellationToken, Task<T>> query)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var db = await Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(cancellationToken);
        return await query(db, cancellationToken);
    }

    /// <summary>The user's award rows with their milestones, oldest first.</summary>
    public Task<List<UserMilestone>> AwardsOfAsync(string userId) => QueryAsync((db, cancellationToken) =>
        db.UserMilestones.AsNoTracking().Include(a => a.Milestone).Where(a => a.UserId == userId).OrderBy(a => a.Id).ToListAsync(cancellationToken));

    /// <summary>The user's award of the milestone, or null; the unique constraint allows no second one.</summary>
    public Task<UserMilestone?> AwardOfAsync(string userId, string code) => QueryAsync((db, cancellationToken) =>
        db.UserMilestones.AsNoTracking().SingleOrDefaultAsync(a => a.UserId == userId && a.Milestone!.Code == code, cancellationToken));

    public Task<UserStats?> StatsOfAsync(string userId) => QueryAsync((db, cancellationToken) =>
        db.UserStats.AsNoTracking().SingleOrDefaultAsync(s => s.UserId == userId, cancellationToken));

    /// <summary>How many rows each engine table holds, to show that a refused input wrote nothing.</summary>
    public Task<EngineRowCounts> CountRowsAsync() => QueryAsync(async (db, cancellationToken) => new EngineRowCounts(
        await db.Events.CountAsync(cancellationToken),
        await db.UserStats.CountAsync(cancellationToken),
        await db.Milestones.CountAsync(cancellationToken),
        await db.UserMilestones.CountAsync(cancellationToken)));

    public async ValueTask DisposeAsync()
    {
        if (host is IAsyncDisposable asyncHost)
        {
            await asyncHost.DisposeAsync();
        }
        else
        {
            host.Dispose();
        }

        ownedDatabase?.Dispose();
    }
}

public sealed record EngineRowCounts(int Events, int UserStats, int Milestones, int Awards);
