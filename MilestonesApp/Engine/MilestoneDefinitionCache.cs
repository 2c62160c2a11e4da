using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using MilestonesApp.Data;
using MilestonesApp.Engine.Rules;
using MilestonesApp.Engine.Storage;

namespace MilestonesApp.Engine;

/// <summary>An active milestone with its rule parsed once, not per event.</summary>
public sealed record ActiveMilestone(int Id, MilestoneDefinition Definition, IMilestoneRule Rule);

/// <summary>
/// The active definitions, parsed once per catalog version. The version is read from the database each time (in the
/// engine, inside the event's transaction), so a save on any node or process takes effect at the next event here.
/// </summary>
public sealed partial class MilestoneDefinitionCache(IDbContextFactory<EngineDbContext> dbFactory, ILogger<MilestoneDefinitionCache> logger)
{
    private Snapshot? current;

    /// <summary>The active definitions as the database holds them now, read outside any transaction.</summary>
    public async ValueTask<IReadOnlyList<ActiveMilestone>> GetActiveAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        return await GetActiveAsync(new EngineStore(db.Database.GetDbConnection(), transaction: null), cancellationToken);
    }

    /// <summary>The active definitions as seen by the store's transaction.</summary>
    internal async ValueTask<IReadOnlyList<ActiveMilestone>> GetActiveAsync(EngineStore store, CancellationToken cancellationToken) =>
        await ForVersionAsync(store, await store.CatalogVersionAsync(cancellationToken), cancellationToken);

    /// <summary>The active definitions of the catalog version the store's transaction read, loaded when it is not the cached one.</summary>
    internal async ValueTask<IReadOnlyList<ActiveMilestone>> ForVersionAsync(EngineStore store, long version, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref current) is { } cached && cached.Version == version)
        {
            return cached.Active;
        }

        // Read after the version: a save in between leaves newer definitions under an older version, reread next time.
        var loaded = Parse(await store.MilestonesAsync(activeOnly: true, cancellationToken));
        Volatile.Write(ref current, new Snapshot(version, loaded));
        return loaded;
    }

    private List<ActiveMilestone> Parse(IReadOnlyList<(int Id, MilestoneDefinition Definition)> rows)
    {
        var milestones = new List<ActiveMilestone>(rows.Count);
        foreach (var (id, definition) in rows)
        {
            var errors = new List<string>();
            if (MilestoneDefinitionValidator.Validate(definition, errors) is { } rule)
            {
                milestones.Add(new ActiveMilestone(id, definition, rule));
            }
            else
            {
                LogSkipped(logger, definition.Code, string.Join(" ", errors));
            }
        }

        return milestones;
    }

    private sealed record Snapshot(long Version, IReadOnlyList<ActiveMilestone> Active);

    [LoggerMessage(Level = LogLevel.Error, Message = "Milestone '{Code}' is stored but invalid, so it is never evaluated: {Errors}")]
    private static partial void LogSkipped(ILogger logger, string code, string errors);
}
