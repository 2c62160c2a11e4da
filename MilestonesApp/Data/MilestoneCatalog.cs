using Microsoft.EntityFrameworkCore;
using MilestonesApp.Data.Entities;
using MilestonesApp.Engine;

namespace MilestonesApp.Data;

/// <summary>
/// Milestone definitions as data: validated on save, inserted or updated by code, never deleted. Each save raises the
/// catalog version, which every engine on the database reads per event.
/// </summary>
internal sealed class MilestoneCatalog(IDbContextFactory<AppDbContext> dbFactory) : IMilestoneCatalog
{
    public async Task<IReadOnlyList<MilestoneDefinition>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Milestones.AsNoTracking().OrderBy(m => m.Id).ToListAsync(cancellationToken);
        return rows.ConvertAll(row => row.ToDefinition());
    }

    public async Task SaveAsync(MilestoneDefinition definition, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.BeginCatalogChangeAsync(cancellationToken);
        // Checked against the catalog as this transaction sees it: a rule may name other milestones.
        var catalog = await db.Milestones.AsNoTracking().Select(m => m.ToDefinition()).ToListAsync(cancellationToken);
        MilestoneDefinitionValidator.ValidateOrThrow(definition, catalog);
        var row = await db.Milestones.SingleOrDefaultAsync(m => m.Code == definition.Code, cancellationToken);
        if (row is null)
        {
            db.Milestones.Add(Milestone.From(definition));
        }
        else
        {
            row.CopyFrom(definition);
        }

        await db.SaveCatalogChangesAsync(transaction, cancellationToken);
    }
}
