using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MilestonesApp.Data;

public static class DatabaseInitializer
{
    // Any fixed number: the session lock PostgreSQL nodes take turns at while they migrate.
    private const long MigrationLock = 7_253_470;

    /// <summary>
    /// Applies the provider's migrations (on SQLite also switching the file to WAL), then syncs the milestone seed.
    /// Runs before the app serves. On PostgreSQL, nodes starting together migrate one at a time: EF Core's own lock
    /// there still let a second node apply a migration the first had just applied (SeveralNodesTests).
    /// </summary>
    public static async Task InitializeDatabaseAsync(this IHost app, CancellationToken cancellationToken = default)
    {
        using var scope = app.Services.CreateScope();
        var dbFactory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            try
            {
                if (db.Database.IsNpgsql())
                {
                    await MigrateOneNodeAtATimeAsync(db, cancellationToken);
                }
                else
                {
                    await db.Database.MigrateAsync(cancellationToken);
                    await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken);
                }
            }
            catch (DbException problem)
            {
                // The provider's message rarely says which database it tried, and the operator's first question is that.
                var connection = db.Database.GetDbConnection();
                var (database, hint) = db.Database.IsNpgsql()
                    ? ($"{connection.Database} on {connection.DataSource}",
                       "that the server answers at that address and the account may create tables in the database")
                    : (connection.DataSource,
                       "that the folder exists and the app may write there, and that no other program holds the file locked");
                throw new InvalidOperationException(
                    $"The database '{database}' could not be opened or migrated: {problem.Message} " +
                    $"Check ConnectionStrings:{DatabaseOptions.ConnectionStringName}, {hint}.", problem);
            }
        }

        await scope.ServiceProvider.GetRequiredService<MilestoneSeeder>().SyncAsync(cancellationToken);
    }

    private static async Task MigrateOneNodeAtATimeAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        // Opened here so that the lock, the migrations and the unlock share one session.
        await db.Database.OpenConnectionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({MigrationLock})", cancellationToken);
        try
        {
            // EF Core asks PostgreSQL whether the history table exists by reading it, and logs the failed read of a
            // fresh database as an error; made first with EF Core's own script, it is there to be read.
            await db.Database.ExecuteSqlRawAsync(db.GetService<IHistoryRepository>().GetCreateIfNotExistsScript(), cancellationToken);
            await db.Database.MigrateAsync(cancellationToken);
        }
        finally
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({MigrationLock})", CancellationToken.None);
        }
    }
}
