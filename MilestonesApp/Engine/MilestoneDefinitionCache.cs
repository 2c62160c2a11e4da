using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using MilestonesApp.Data;
using MilestonesApp.Engine.Rules;

namespace MilestonesApp.Engine;

/// <summary>An active milestone with its rule parsed once, not per event.</summary>
public sealed record ActiveMilestone(int Id, MilestoneDefinition Definition, IMilestoneRule Rule);

/// <summary>
/// The active definitions, read from the database once and kept until the catalog saves. Other processes' saves are
/// not seen until this one restarts or saves itself.
/// </summary>
public sealed partial class MilestoneDefinitionCache(IDbContextFactory<AppDbContext> dbFactory, ILogger<MilestoneDefinitionCache> logger)
{
    private IReadOnlyList<ActiveMilestone>? active;
    private long version;

    public async ValueTask<IReadOnlyList<ActiveMilestone>> GetActiveAsync(CancellationToken cancellationToken = default)
    {
        if (Volatile.Read(ref active) is { } cached)
        {
            return cached;
        }

        var loadingVersion = Interlocked.Read(ref version);
        var loaded = await LoadAsync(cancellationToken);

        // A save that landed while we were reading makes this copy stale: serve it to this caller, keep nothing.
        if (Interlocked.Read(ref version) == loadingVersion)
        {
            Interlocked.CompareExchange(ref active, loaded, null);
        }

        return loaded;
    }

    public void Invalidate()
    {
        Interlocked.Increment(ref version);
        Volatile.Write(ref active, null);
    }

    private async Task<IReadOnlyList<ActiveMilestone>> LoadAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Milestones.AsNoTracking().Where(m => m.IsActive).OrderBy(m => m.Id).ToListAsync(cancellationToken);
        var milestones = new List<ActiveMilestone>(rows.Count);
        foreach (var row in rows)
        {
            var definition = row.ToDefinition();
            var errors = new List<string>();
            if (MilestoneDefinitionValidator.Validate(definition, errors) is { } rule)
            {
                milestones.Add(new ActiveMilestone(row.Id, definition, rule));
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
