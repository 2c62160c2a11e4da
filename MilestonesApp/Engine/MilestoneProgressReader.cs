using MilestonesApp.Engine.Rules;
using MilestonesApp.Engine.Storage;

namespace MilestonesApp.Engine;

/// <summary>A user's progress toward the milestones they lack, each told by its rule, read outside any write.</summary>
public sealed class MilestoneProgressReader(IEngineDatabase database)
{
    /// <summary>The progress toward each of <paramref name="lacking"/>, by code, as of <paramref name="now"/>.</summary>
    public async Task<IReadOnlyDictionary<string, RuleProgress>> ReadAsync(
        string userId, IEnumerable<ActiveMilestone> lacking, IReadOnlySet<string> heldCodes, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var store = new EngineStore(connection, transaction: null);
        var context = new ProgressContext(await store.Stats.ReadAsync(userId, cancellationToken), new SqlUserHistory(store, userId), heldCodes, now);
        var progress = new Dictionary<string, RuleProgress>(StringComparer.Ordinal);
        foreach (var milestone in lacking)
        {
            progress[milestone.Definition.Code] = await milestone.Rule.ProgressAsync(context, cancellationToken);
        }

        return progress;
    }
}
