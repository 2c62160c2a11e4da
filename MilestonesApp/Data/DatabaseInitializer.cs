using Microsoft.EntityFrameworkCore;

namespace MilestonesApp.Data;

public static class DatabaseInitializer
{
    /// <summary>
    /// Applies the provider's migrations (on SQLite also switching the file to WAL), then syncs the milestone seed.
    /// Runs before the app serves. On PostgreSQL, nodes starting together are serialized by EF Core's migration lock.
    /// </summary>
    public static async Task InitializeDatabaseAsync(this IHost app, CancellationToken cancellationToken = default)
    {
        using var scope = app.Services.CreateScope();
        var dbFactory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            await db.Database.MigrateAsync(cancellationToken);
            if (db.Database.IsSqlite())
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken);
            }
        }

        await scope.ServiceProvider.GetRequiredService<MilestoneSeeder>().SyncAsync(cancellationToken);
    }
}
