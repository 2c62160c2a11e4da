using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using MilestonesApp.Application;
using MilestonesApp.Data;
using MilestonesApp.Engine;

namespace MilestonesApp.Tests.Shared;

/// <summary>
/// The app's data, engine and application services on a temporary SQLite file, migrated and seeded as at start-up,
/// with a <see cref="FakeTimeProvider"/>. What the pages call, without the web.
/// </summary>
public sealed class AppServicesHost : IAsyncDisposable
{
    /// <summary>Where the fake clock starts: noon UTC, so a person in a far time zone is already on the next day.</summary>
    public static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly IHost host;

    private AppServicesHost(IHost host, FakeTimeProvider clock, TemporarySqliteDatabase database)
    {
        this.host = host;
        Clock = clock;
        Database = database;
    }

    public IServiceProvider Services => host.Services;

    public FakeTimeProvider Clock { get; }

    public TemporarySqliteDatabase Database { get; }

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public static async Task<AppServicesHost> StartAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var database = new TemporarySqliteDatabase();
        var clock = new FakeTimeProvider(Now);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            EnvironmentName = Environments.Production,
            ContentRootPath = database.Folder,
        });
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{DatabaseOptions.ConnectionStringName}"] = database.ConnectionString,
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.AddMilestonesData();
        builder.AddMilestoneEngine();
        builder.AddMilestonesApplication();
        builder.Services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock));

        var host = builder.Build();
        await host.InitializeDatabaseAsync(TestContext.Current.CancellationToken);
        return new AppServicesHost(host, clock, database);
    }

    public Task<EngineResult> RecordAsync(string userId, string eventType, DateTimeOffset occurredAt, string? idempotencyKey = null) =>
        Get<IMilestoneEngine>().RecordAsync(new DomainEvent(userId, eventType, occurredAt, IdempotencyKey: idempotencyKey), TestContext.Current.CancellationToken);

    /// <summary>Runs a query on a fresh context from the app's factory.</summary>
    public async Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var db = await Get<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        return await query(db);
    }

    public Task<int> CountEventsAsync(string userId, string eventType) =>
        QueryAsync(db => db.Events.CountAsync(e => e.UserId == userId && e.EventType == eventType));

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

        Database.Dispose();
    }
}
