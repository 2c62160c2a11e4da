using Microsoft.EntityFrameworkCore;

namespace MilestonesApp.Data;

public static class DatabaseInitializer
{
    /// <summary>Applies migrations, switches the file to WAL, then syncs the milestone seed. Runs before the app serves.</summary>
    public static async Task InitializeDatabaseAsync(this IHost app, CancellationToken cancellationToken = default)
    {
        using var scope = app.Services.CreateScope();
        var dbFactory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            await db.Database.MigrateAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken);
        }

        await scope.ServiceProvider.GetRequiredService<MilestoneSeeder>().SyncAsync(cancellationToken);
    }
}
