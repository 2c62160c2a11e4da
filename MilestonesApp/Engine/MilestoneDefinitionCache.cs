using Microsoft.Extensions.Logging;
using MilestonesApp.Engine.Rules;
using MilestonesApp.Engine.Storage;

namespace MilestonesApp.Engine;

/// <summary>
/// An active milestone with its rule parsed once, not per event, and the catalog version its row was last saved in.
/// </summary>
public sealed record ActiveMilestone(int Id, MilestoneDefinition Definition, IMilestoneRule Rule, long ChangedInVersion);

/// <summary>The active milestones as of one catalog version.</summary>
public sealed record ActiveCatalog(long Version, IReadOnlyList<ActiveMilestone> Active);

/// <summary>
/// The active definitions, parsed once per catalog version. The version is read from the database each time (in the
/// engine, inside the event's transaction), so a save on any node or process takes effect at the next event here.
/// </summary>
public sealed partial class MilestoneDefinitionCache(IEngineDatabase database, ILogger<MilestoneDefinitionCache> logger)
{
    private ActiveCatalog? current;

    /// <summary>The active definitions as the database holds them now, read outside any transaction.</summary>
    public async ValueTask<IReadOnlyList<ActiveMilestone>> GetActiveAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await GetActiveAsync(new EngineStore(connection, transaction: null), cancellationToken);
    }

    /// <summary>The active definitions as seen by the store's transaction.</summary>
    internal async ValueTask<IReadOnlyList<ActiveMilestone>> GetActiveAsync(EngineStore store, CancellationToken cancellationToken) =>
        (await GetCatalogAsync(store, cancellationToken)).Active;

    /// <summary>The active definitions as seen by the store's transaction, with the catalog version they were read under.</summary>
    internal async ValueTask<ActiveCatalog> GetCatalogAsync(EngineStore store, CancellationToken cancellationToken) =>
        await ForVersionAsync(store, await store.Catalog.VersionAsync(cancellationToken), cancellationToken);

    /// <summary>
    /// The active definitions of the catalog version the store's transaction read, loaded when it is not the cached one.
    /// Read after the version, they may be newer than it (a save in between), never older: a catch-up marked with that
    /// version covers no milestone it did not see.
    /// </summary>
    internal async ValueTask<ActiveCatalog> ForVersionAsync(EngineStore store, long version, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref current) is { } cached && cached.Version == version)
        {
            return cached;
        }

        var loaded = new ActiveCatalog(version, Parse(await store.Catalog.MilestonesAsync(activeOnly: true, cancellationToken)));
        Volatile.Write(ref current, loaded);
        return loaded;
    }

    private List<ActiveMilestone> Parse(IReadOnlyList<(int Id, MilestoneDefinition Definition, long ChangedInVersion)> rows)
    {
        var milestones = new List<ActiveMilestone>(rows.Count);
        foreach (var (id, definition, changedInVersion) in rows)
        {
            var errors = new List<string>();
            if (MilestoneDefinitionValidator.Validate(definition, errors) is { } rule)
            {
                milestones.Add(new ActiveMilestone(id, definition, rule, changedInVersion));
            }
            else
            {
                LogSkipped(logger, definition.Code, string.Join(" ", errors));
            }
        }

        return milestones;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Milestone '{Code}' is stored but invalid, so it is never evaluated: {Errors}")]
    private static partial void LogSkipped(ILogger logger, string code, string errors);
}
