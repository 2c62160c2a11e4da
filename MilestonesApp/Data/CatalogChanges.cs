using Microsoft.EntityFrameworkCore;
using MilestonesApp.Data.Entities;

namespace MilestonesApp.Data;

/// <summary>How every change to <c>milestones</c> is saved: with the catalog version raised in the same transaction.</summary>
public static class CatalogChanges
{
    public static async Task SaveCatalogChangesAsync(this DbContext db, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await db.Set<CatalogVersion>()
            .Where(v => v.Id == CatalogVersion.RowId)
            .ExecuteUpdateAsync(set => set.SetProperty(v => v.Version, v => v.Version + 1), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
