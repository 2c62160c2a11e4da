namespace MilestonesApp.Engine;

public interface IMilestoneCatalog
{
    /// <summary>Every milestone definition, active or not.</summary>
    Task<IReadOnlyList<MilestoneDefinition>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Inserts or updates by Code. Invalid input throws <see cref="MilestoneValidationException"/>, saving nothing.</summary>
    Task SaveAsync(MilestoneDefinition definition, CancellationToken cancellationToken = default);
}
