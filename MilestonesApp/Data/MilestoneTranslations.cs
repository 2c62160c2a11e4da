using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MilestonesApp.Data.Entities;

namespace MilestonesApp.Data;

/// <summary>
/// Every saved translation of admin-made milestones, held in memory with the catalog version it was read under, so
/// that wording an award is a dictionary look-up, never a query. A save raises the catalog version; this node reloads
/// right after its own saves, and <see cref="MilestoneTranslationRefresher"/> notices other nodes' within a second.
/// </summary>
public sealed class MilestoneTranslations(IDbContextFactory<AppDbContext> dbFactory)
{
    private static readonly Snapshot Empty = new(-1, new Dictionary<string, IReadOnlyDictionary<string, MilestoneTranslation>>());

    private readonly SemaphoreSlim loading = new(1, 1);
    private Snapshot current = Empty;

    /// <summary>The catalog version the translations held now were read under; -1 before the first read.</summary>
    public long Version => Volatile.Read(ref current).Version;

    /// <summary>
    /// The milestone's translation for <paramref name="culture"/> or the nearest parent culture that has one (de-AT
    /// uses de), or null.
    /// </summary>
    public MilestoneTranslation? Find(string code, CultureInfo culture)
    {
        if (!Volatile.Read(ref current).ByCode.TryGetValue(code, out var byCulture))
        {
            return null;
        }

        for (var c = culture; c != CultureInfo.InvariantCulture; c = c.Parent)
        {
            if (byCulture.TryGetValue(c.Name, out var translation))
            {
                return translation;
            }
        }

        return null;
    }

    /// <summary>The milestone's translations, one per culture that has one.</summary>
    public IReadOnlyCollection<MilestoneTranslation> Of(string code) =>
        Volatile.Read(ref current).ByCode.TryGetValue(code, out var byCulture) ? [.. byCulture.Values] : [];

    /// <summary>Reads the catalog version and, when it moved since the last read, every translation again.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken = default)
    {
        await loading.WaitAsync(cancellationToken);
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var version = await db.CatalogVersions.AsNoTracking().Where(v => v.Id == CatalogVersion.RowId).Select(v => v.Version).SingleAsync(cancellationToken);
            if (version == Version)
            {
                return;
            }

            // Read after the version, the rows may be newer than it, never older: a later save raises it again.
            var rows = await db.MilestoneTexts.AsNoTracking()
                .Select(t => new { t.Milestone!.Code, Translation = new MilestoneTranslation(t.Culture, t.Title, t.Description) })
                .ToListAsync(cancellationToken);
            var byCode = rows.GroupBy(row => row.Code, StringComparer.Ordinal).ToDictionary(
                group => group.Key,
                IReadOnlyDictionary<string, MilestoneTranslation> (group) => group.ToDictionary(row => row.Translation.Culture, row => row.Translation, StringComparer.OrdinalIgnoreCase),
                StringComparer.Ordinal);
            Volatile.Write(ref current, new Snapshot(version, byCode));
        }
        finally
        {
            loading.Release();
        }
    }

    private sealed record Snapshot(long Version, IReadOnlyDictionary<string, IReadOnlyDictionary<string, MilestoneTranslation>> ByCode);
}
