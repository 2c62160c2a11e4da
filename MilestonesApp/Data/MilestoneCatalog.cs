using Microsoft.EntityFrameworkCore;
using MilestonesApp.Data.Entities;
using MilestonesApp.Engine;
using MilestonesApp.Engine.Backfill;

namespace MilestonesApp.Data;

/// <summary>
/// Milestone definitions as data: validated on save, inserted or updated by code, never deleted. Each save raises the
/// catalog version, which every engine on the database reads per event.
/// </summary>
internal sealed class MilestoneCatalog(
    IDbContextFactory<AppDbContext> dbFactory, MilestoneTranslations translations, MilestoneImpactPreview impact) : IMilestoneCatalog
{
    public async Task<IReadOnlyList<MilestoneDefinition>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Milestones.AsNoTracking().OrderBy(m => m.Id).ToListAsync(cancellationToken);
        return rows.ConvertAll(row => row.ToDefinition());
    }

    public Task SaveAsync(MilestoneDefinition definition, CancellationToken cancellationToken = default) =>
        SaveAsync(definition, texts: null, cancellationToken);

    /// <summary>
    /// Saves the definition and, given <paramref name="texts"/>, makes them its only translations, in one catalog
    /// change: both are saved or, when anything is invalid, neither (<see cref="MilestoneValidationException"/>).
    /// </summary>
    public async Task SaveAsync(MilestoneDefinition definition, IReadOnlyList<MilestoneTranslation>? texts, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.BeginCatalogChangeAsync(cancellationToken);
        // Checked against the catalog as this transaction sees it: a rule may name other milestones.
        var catalog = await db.Milestones.AsNoTracking().Select(m => m.ToDefinition()).ToListAsync(cancellationToken);
        var problems = new List<MilestoneValidationError>();
        MilestoneDefinitionValidator.Validate(definition, problems, catalog);
        if (texts is not null)
        {
            MilestoneTranslation.Validate(texts, problems);
        }

        if (problems.Count > 0)
        {
            throw new MilestoneValidationException(problems);
        }

        var row = await db.Milestones.SingleOrDefaultAsync(m => m.Code == definition.Code, cancellationToken);
        if (row is null)
        {
            row = Milestone.From(definition);
            db.Milestones.Add(row);
        }
        else
        {
            row.CopyFrom(definition);
        }

        if (texts is not null)
        {
            await ReplaceTextsAsync(db, row, texts, cancellationToken);
        }

        await db.SaveCatalogChangesAsync(transaction, cancellationToken);
        // This node words awards with them from now on; the others within a second (MilestoneTranslationRefresher).
        await translations.RefreshAsync(cancellationToken);
    }

    public async Task<MilestoneImpact> PreviewImpactAsync(MilestoneDefinition definition, CancellationToken cancellationToken = default)
    {
        var counted = await impact.PreviewAsync(definition, cancellationToken);
        if (counted.Sample.Count == 0)
        {
            return counted;
        }

        // The engine knows user ids only; an admin recognises people by their address where they have an account.
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var ids = counted.Sample.ToList();
        var emails = await db.Users.AsNoTracking()
            .Where(user => ids.Contains(user.Id) && user.Email != null)
            .ToDictionaryAsync(user => user.Id, user => user.Email!, cancellationToken);
        return counted with { Sample = [.. ids.Select(id => emails.GetValueOrDefault(id, id))] };
    }

    /// <summary>The milestone's saved translations, read from the database.</summary>
    public async Task<IReadOnlyList<MilestoneTranslation>> TextsAsync(string code, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.MilestoneTexts.AsNoTracking()
            .Where(t => t.Milestone!.Code == code)
            .OrderBy(t => t.Culture)
            .Select(t => new MilestoneTranslation(t.Culture, t.Title, t.Description))
            .ToListAsync(cancellationToken);
    }

    private static async Task ReplaceTextsAsync(AppDbContext db, Milestone row, IReadOnlyList<MilestoneTranslation> texts, CancellationToken cancellationToken)
    {
        var stored = row.Id == 0 ? [] : await db.MilestoneTexts.Where(t => t.MilestoneId == row.Id).ToListAsync(cancellationToken);
        db.MilestoneTexts.RemoveRange(stored.Where(old => texts.All(text => text.Culture != old.Culture)));
        foreach (var text in texts)
        {
            if (stored.SingleOrDefault(old => old.Culture == text.Culture) is { } old)
            {
                old.Title = text.Title;
                old.Description = text.Description;
            }
            else
            {
                db.MilestoneTexts.Add(new MilestoneText { Milestone = row, Culture = text.Culture, Title = text.Title, Description = text.Description });
            }
        }
    }
}
