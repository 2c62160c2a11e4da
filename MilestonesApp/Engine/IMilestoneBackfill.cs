namespace MilestonesApp.Engine;

/// <summary>How far a backfill has come: users evaluated so far out of those it will evaluate.</summary>
public sealed record BackfillProgress(int UsersEvaluated, int UsersTotal);

/// <summary>What a backfill did: how many users it evaluated and how many it newly awarded.</summary>
public sealed record BackfillResult(string Code, int UsersEvaluated, int NewlyAwarded);

public interface IMilestoneBackfill
{
    /// <summary>
    /// Awards the milestone to every user whose history already satisfies it, with the engine's catch-up semantics
    /// (the condition held at any moment so far; achieved_at is the event that completed it). Idempotent: awards
    /// already held are untouched and a second run awards nothing. Recipients see it celebrated on their next visit.
    /// </summary>
    Task<BackfillResult> AwardEveryoneWhoQualifiesAsync(
        string code, IProgress<BackfillProgress>? progress = null, CancellationToken cancellationToken = default);
}
