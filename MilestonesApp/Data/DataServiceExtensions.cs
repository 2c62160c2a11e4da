using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using MilestonesApp.Data.Notifications;
using MilestonesApp.Engine;
using MilestonesApp.Engine.Storage;
using Npgsql;

namespace MilestonesApp.Data;

public static class DataServiceExtensions
{
    /// <summary>
    /// One database for the engine, the app and Identity, on the configured provider: a pooled context factory of
    /// <see cref="AppDbContext"/> for the app, the engine's connections (<see cref="IEngineDatabase"/>), the milestone
    /// catalog with the translations of admin-made milestones, and the app's writes through the engine's write path (<see cref="AppWritePath"/>).
    /// </summary>
    public static IHostApplicationBuilder AddMilestonesData(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        // The provider decides which services are registered at all, so it is read here, before any service exists.
        var options = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var configured = builder.Configuration.GetConnectionString(DatabaseOptions.ConnectionStringName);
        if (options.Provider == DatabaseProvider.PostgreSql)
        {
            AddPostgreSql(builder.Services, configured ?? throw new InvalidOperationException(
                $"Milestones:Database:Provider is PostgreSql but ConnectionStrings:{DatabaseOptions.ConnectionStringName} is not set."));
        }
        else
        {
            AddSqlite(builder.Services, options, ResolveDataSource(configured ?? DatabaseOptions.DefaultConnectionString, builder.Environment.ContentRootPath));
        }

        // Identity's tables follow its schema version option: pinned here, with the database it shapes, so a process
        // that uses the database without registering Identity (tests, benchmarks, tools) gets the migrated model.
        builder.Services.Configure<IdentityOptions>(PinIdentitySchema);
        builder.Services.AddScoped(services => services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext());
        builder.Services.AddTransient<MilestoneSeeder>();
        builder.Services.AddSingleton<AppWritePath>();
        builder.Services.AddSingleton<MilestoneCatalog>();
        builder.Services.AddSingleton<IMilestoneCatalog>(services => services.GetRequiredService<MilestoneCatalog>());
        builder.Services.AddSingleton<MilestoneTranslations>();
        builder.Services.AddHostedService(provider => new MilestoneTranslationRefresher(
            provider.GetRequiredService<MilestoneTranslations>(),
            provider.GetService<TimeProvider>() ?? TimeProvider.System,
            provider.GetRequiredService<ILogger<MilestoneTranslationRefresher>>()));
        return builder;
    }

    internal static void PinIdentitySchema(IdentityOptions identity) => identity.Stores.SchemaVersion = IdentitySchemaVersions.Version3;

    private static void AddSqlite(IServiceCollection services, DatabaseOptions options, string connectionString)
    {
        var pragmas = new SqlitePragmaInterceptor(options.Synchronous, options.BusyTimeoutMilliseconds);
        services.AddPooledDbContextFactory<AppDbContext>(db => DatabaseRegistration.Configure(db, DatabaseProvider.Sqlite, connectionString, pragmas));
        services.AddSingleton<IEngineDatabase>(new SqliteEngineDatabase(
            connectionString, SqlitePragmaInterceptor.Pragmas(options.Synchronous, options.BusyTimeoutMilliseconds)));
        services.AddHostedService(provider => new SqliteCheckpointService(
            connectionString,
            provider.GetService<TimeProvider>() ?? TimeProvider.System,
            provider.GetRequiredService<ILogger<SqliteCheckpointService>>()));
    }

    private static void AddPostgreSql(IServiceCollection services, string configured)
    {
        // The engine runs the same dozen statements for every event, each on whichever pooled connection it gets:
        // unless the operator says otherwise, let Npgsql prepare them on each connection once they recur.
        var npgsql = new NpgsqlConnectionStringBuilder(configured);
        if (npgsql.MaxAutoPrepare == 0)
        {
            npgsql.MaxAutoPrepare = 64;
        }

        var connectionString = npgsql.ToString();
        services.AddPooledDbContextFactory<PostgreSqlAppDbContext>(db => DatabaseRegistration.Configure(db, DatabaseProvider.PostgreSql, connectionString, interceptor: null));
        services.AddSingleton<IDbContextFactory<AppDbContext>, DerivedContextFactory<PostgreSqlAppDbContext>>();
        services.AddSingleton<IEngineDatabase>(_ => PostgreSqlEngineDatabase.Create(connectionString));
        services.AddSingleton<IEventIntake, PostgreSqlEventIntake>();
        AddAwardNotifications(services, connectionString);
    }

    // Before the engine's in-process notifier is added: awards made on any node reach this node's open tabs.
    private static void AddAwardNotifications(IServiceCollection services, string connectionString)
    {
        services.AddSingleton<InProcessAwardNotifier>();
        services.AddSingleton<IAwardNotifier>(provider => new PostgreSqlAwardNotifier(
            connectionString, provider.GetRequiredService<InProcessAwardNotifier>(), provider.GetRequiredService<ILogger<PostgreSqlAwardNotifier>>()));
        services.AddHostedService(provider => new PostgreSqlAwardListener(
            connectionString,
            provider.GetRequiredService<InProcessAwardNotifier>(),
            provider.GetService<TimeProvider>() ?? TimeProvider.System,
            provider.GetRequiredService<ILogger<PostgreSqlAwardListener>>()));
    }

    // A relative file name would land wherever the process happens to start; anchor it to the content root.
    private static string ResolveDataSource(string connectionString, string contentRoot)
    {
        var sqlite = new SqliteConnectionStringBuilder(connectionString);
        if (sqlite.DataSource is { Length: > 0 } file && file != ":memory:" && !Path.IsPathRooted(file) && sqlite.Mode != SqliteOpenMode.Memory)
        {
            sqlite.DataSource = Path.Combine(contentRoot, file);
        }

        return sqlite.ToString();
    }
}
