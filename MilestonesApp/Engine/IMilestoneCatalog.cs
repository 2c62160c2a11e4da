namespace MilestonesApp.Engine;

public interface IMilestoneCatalog
{
    /// <summary>Every milestone definition, active or not.</summary>
    Task<IReadOnlyList<MilestoneDefinition>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Inserts or updates by Code. Invalid input throws <see cref="MilestoneValidationException"/>, saving nothing.</summary>
    Task SaveAsync(MilestoneDefinition definition, CancellationToken cancellationToken = default);

    /// <summary>
    /// What going live with <paramref name="definition"/> would award, saved or not (a draft, an edit of a live rule), in
    /// a read-only transaction by the same code the backfill runs. Invalid input throws <see cref="MilestoneValidationException"/>.
    /// </summary>
    Task<MilestoneImpact> PreviewImpactAsync(MilestoneDefinition definition, CancellationToken cancellationToken = default);
}
