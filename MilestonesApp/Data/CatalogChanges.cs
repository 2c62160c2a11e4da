using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using MilestonesApp.Data.Entities;

namespace MilestonesApp.Data;

/// <summary>
/// How every change to <c>milestones</c> is made: in a transaction that writers of the catalog take one at a time,
/// saved with the catalog version raised, which every engine on the database reads per event.
/// </summary>
public static class CatalogChanges
{
    /// <summary>
    /// Begins the change before anything is read. SQLite's write transaction already excludes other writers; on
    /// PostgreSQL the table lock does (readers, the engine included, go on), so two nodes seeding at start-up, or two
    /// admins adding one code, do not both insert.
    /// </summary>
    public static async Task<IDbContextTransaction> BeginCatalogChangeAsync(this DbContext db, CancellationToken cancellationToken)
    {
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync("LOCK TABLE milestones IN SHARE ROW EXCLUSIVE MODE", cancellationToken);
        }

        return transaction;
    }

    /// <summary>
    /// Raises the catalog version, stamps every added or changed milestone with it (so users evaluated before it catch
    /// up on that milestone over their whole history, once), saves and commits.
    /// </summary>
    public static async Task SaveCatalogChangesAsync(this DbContext db, IDbContextTransaction transaction, CancellationToken cancellationToken)
    {
        var versions = db.Set<CatalogVersion>().Where(v => v.Id == CatalogVersion.RowId);
        await versions.ExecuteUpdateAsync(set => set.SetProperty(v => v.Version, v => v.Version + 1), cancellationToken);
        var raised = await versions.Select(v => v.Version).SingleAsync(cancellationToken);
        foreach (var entry in db.ChangeTracker.Entries<Milestone>().Where(e => e.State is EntityState.Added or EntityState.Modified))
        {
            entry.Entity.ChangedInVersion = raised;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
