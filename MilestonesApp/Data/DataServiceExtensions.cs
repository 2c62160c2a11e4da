using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace MilestonesApp.Data;

public static class DataServiceExtensions
{
    /// <summary>One SQLite database for the engine, the app and Identity, through a pooled context factory.</summary>
    public static IHostApplicationBuilder AddMilestonesData(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        builder.Services.AddSingleton(options);
        var connectionString = ResolveDataSource(
            builder.Configuration.GetConnectionString(DatabaseOptions.ConnectionStringName) ?? DatabaseOptions.DefaultConnectionString,
            builder.Environment.ContentRootPath);
        var pragmas = new SqlitePragmaInterceptor(options.Synchronous, options.BusyTimeoutMilliseconds);

        builder.Services.AddPooledDbContextFactory<AppDbContext>(db => db
            .UseSqlite(connectionString)
            .UseSnakeCaseNamingConvention()
            .AddInterceptors(pragmas));

        // Identity's tables follow its schema version option: pinned here, with the database it shapes, so a process
        // that uses the database without registering Identity (tests, benchmarks, tools) gets the migrated model.
        builder.Services.Configure<IdentityOptions>(identity => identity.Stores.SchemaVersion = IdentitySchemaVersions.Version3);
        builder.Services.AddScoped(services => services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext());
        builder.Services.AddTransient<MilestoneSeeder>();
        return builder;
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
