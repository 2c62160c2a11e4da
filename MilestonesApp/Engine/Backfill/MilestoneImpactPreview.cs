using MilestonesApp.Engine.Rules;
using MilestonesApp.Engine.Storage;

namespace MilestonesApp.Engine.Backfill;

/// <summary>
/// Counts what the backfill would award for a definition, saved or not, without writing: the rule's set-based query
/// (or, for a rule without one, the backfill's user-by-user evaluation) over the same users the backfill takes, in one
/// read-only snapshot. The sample holds user ids; the catalog turns them into e-mails where accounts exist.
/// </summary>
internal sealed class MilestoneImpactPreview(IEngineSnapshots snapshots, TimeProvider time)
{
    public async Task<MilestoneImpact> PreviewAsync(MilestoneDefinition definition, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var (qualifying, holding, newlyAwarded) = await snapshots.ReadAsync(async store =>
        {
            var stored = await store.Catalog.MilestonesAsync(activeOnly: false, cancellationToken);
            // Checked against the catalog as it is: a rule may name other milestones.
            var rule = MilestoneDefinitionValidator.ValidateOrThrow(definition, [.. stored.Select(m => m.Definition)]);
            // A definition not saved yet is held by no one: no row has the id 0.
            var milestoneId = stored.SingleOrDefault(m => m.Definition.Code == definition.Code).Id;
            var users = await store.Stats.UserIdsAsync(cancellationToken);
            users.Sort(StringComparer.Ordinal);
            var holding = await store.Awards.HolderCountAsync(milestoneId, cancellationToken);
            var found = users.Count == 0 ? []
                : rule is ISetBasedRule setBased
                    ? await store.Awards.FirstAchievementsAsync(milestoneId, setBased.FirstAchievements(), users[0], users[^1], cancellationToken)
                    : await UserByUserAsync(store, milestoneId, rule, users, cancellationToken);
            var newly = found.Where(user => !user.Holds).Select(user => user.UserId).Order(StringComparer.Ordinal).ToList();
            return (found.Count, holding, newly);
        }, cancellationToken);

        return new MilestoneImpact(
            qualifying, holding, newlyAwarded.Count, [.. newlyAwarded.Take(MilestoneImpact.SampleSize)], time.GetElapsedTime(started));
    }

    private static async Task<IReadOnlyList<(string UserId, bool Holds)>> UserByUserAsync(
        EngineStore store, int milestoneId, IMilestoneRule rule, IReadOnlyList<string> users, CancellationToken cancellationToken)
    {
        var found = new List<(string, bool)>();
        foreach (var userId in users)
        {
            if (await MilestoneBackfill.FirstAchievementAsync(store, rule, userId, cancellationToken) is not null)
            {
                var held = await store.Awards.HeldMilestoneIdsAsync(userId, cancellationToken);
                found.Add((userId, held.Contains(milestoneId)));
            }
        }

        return found;
    }
}
