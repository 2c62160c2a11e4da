using MilestonesApp.Engine.Rules;
using MilestonesApp.Engine.Storage;

namespace MilestonesApp.Engine.Backfill;

/// <summary>
/// Awards one milestone retroactively to every user who already qualifies, with catch-up semantics. Users are taken
/// in batches by id: one set-based statement per batch where the rule supports it, each batch its own engine write
/// transaction, so recording events goes on between batches and progress can be reported.
/// </summary>
internal sealed class MilestoneBackfill(
    IEngineSnapshots snapshots, IEngineWriter writer, IAwardNotifier notifier, TimeProvider time, DependentAwards dependents)
    : IMilestoneBackfill
{
    public const int UsersPerBatch = 2_000;

    public async Task<BackfillResult> AwardEveryoneWhoQualifiesAsync(
        string code, IProgress<BackfillProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var milestones = await snapshots.ReadAsync(store => store.Catalog.MilestonesAsync(activeOnly: false, cancellationToken), cancellationToken);
        var milestone = milestones.SingleOrDefault(m => m.Definition.Code == code);
        if (milestone.Definition is null)
        {
            throw new KeyNotFoundException($"No milestone has the code '{code}'.");
        }

        if (!milestone.Definition.IsActive)
        {
            throw new InvalidOperationException($"Milestone '{code}' is inactive; activate it before awarding it.");
        }

        var rule = MilestoneDefinitionValidator.ValidateOrThrow(milestone.Definition);
        var awarded = await AwardAsync(milestone.Id, code, rule, progress, cancellationToken);
        return new BackfillResult(code, awarded.UsersEvaluated, awarded.NewlyAwarded);
    }

    /// <summary>Runs the backfill for an already parsed rule; set-based when the rule allows, user by user otherwise.</summary>
    internal async Task<(int UsersEvaluated, int NewlyAwarded)> AwardAsync(
        int milestoneId, string code, IMilestoneRule rule, IProgress<BackfillProgress>? progress, CancellationToken cancellationToken)
    {
        var users = await snapshots.ReadAsync(store => store.Stats.UserIdsAsync(cancellationToken), cancellationToken);

        // Ordinal order matches SQLite's BINARY collation and the "C" collation of PostgreSQL's user ids, which the
        // batches' BETWEEN bounds compare with.
        users.Sort(StringComparer.Ordinal);
        progress?.Report(new BackfillProgress(0, users.Count));

        var newlyAwarded = 0;
        for (var start = 0; start < users.Count; start += UsersPerBatch)
        {
            var batch = users.GetRange(start, Math.Min(UsersPerBatch, users.Count - start));
            var (recipients, followed) = await writer.WriteAsync(async (store, token) =>
            {
                var awardedAt = time.GetUtcNow();
                var recipients = rule is ISetBasedRule setBased
                    ? await AwardSetBasedAsync(store, milestoneId, setBased, batch, awardedAt, token)
                    : await AwardUserByUserAsync(store, milestoneId, rule, batch, awardedAt, token);
                // A recipient's award may complete a milestone that lists this one: judged in the batch's transaction.
                return (recipients, await dependents.FollowEachAsync(store, milestoneId, recipients, awardedAt, token));
            }, cancellationToken);

            newlyAwarded += recipients.Count;
            await notifier.PublishAsync([.. recipients.Select(userId => new AwardNotice(userId, code)), .. followed], CancellationToken.None);

            progress?.Report(new BackfillProgress(start + batch.Count, users.Count));
        }

        return (users.Count, newlyAwarded);
    }

    private static Task<IReadOnlyList<string>> AwardSetBasedAsync(
        EngineStore store, int milestoneId, ISetBasedRule rule, IReadOnlyList<string> users, DateTimeOffset awardedAt, CancellationToken cancellationToken) =>
        store.Awards.InsertFirstAchievementsAsync(milestoneId, rule.FirstAchievements(), users[0], users[^1], awardedAt, cancellationToken);

    private static async Task<IReadOnlyList<string>> AwardUserByUserAsync(
        EngineStore store, int milestoneId, IMilestoneRule rule, IReadOnlyList<string> users, DateTimeOffset awardedAt, CancellationToken cancellationToken)
    {
        var awarded = new List<string>();
        foreach (var userId in users)
        {
            if (await FirstAchievementAsync(store, rule, userId, cancellationToken) is { } achievedBy &&
                await store.Awards.TryInsertAsync(userId, milestoneId, achievedBy, awardedByEventId: null, awardedAt, cancellationToken))
            {
                awarded.Add(userId);
            }
        }

        return awarded;
    }

    /// <summary>
    /// The event at which the rule first held in the user's whole history, or null: the user-by-user answer of a
    /// backfill, which an impact preview counts with.
    /// </summary>
    internal static async Task<RecordedEvent?> FirstAchievementAsync(EngineStore store, IMilestoneRule rule, string userId, CancellationToken cancellationToken)
    {
        var stats = await store.Stats.ReadAsync(userId, cancellationToken);
        if (!rule.MayHold(stats))
        {
            return null;
        }

        // Catch-up asks "did it hold at any moment so far": evaluate as of the end of the user's history.
        var endOfHistory = new RecordedEvent(long.MaxValue, "", DateTimeOffset.MaxValue);
        return await rule.FindFirstAsync(new EvaluationContext(endOfHistory, stats, new SqlUserHistory(store, userId)), cancellationToken);
    }
}
