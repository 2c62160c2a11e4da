using System.Data.Common;
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
            try
            {
                await db.Database.MigrateAsync(cancellationToken);
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken);
            }
            catch (DbException problem)
            {
                // The provider's message rarely says which file it tried, and the operator's first question is that.
                var connection = db.Database.GetDbConnection();
                throw new InvalidOperationException(
                    $"The database '{connection.DataSource}' could not be opened or migrated: {problem.Message} " +
                    $"Check ConnectionStrings:{DatabaseOptions.ConnectionStringName}, that the folder exists and the app may write " +
                    "there, and that no other program holds the file locked.", problem);
            }
        }

        await scope.ServiceProvider.GetRequiredService<MilestoneSeeder>().SyncAsync(cancellationToken);
    }
}
