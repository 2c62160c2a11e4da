using MilestonesApp.Engine.Rules;
using MilestonesApp.Engine.Storage;

namespace MilestonesApp.Engine;

/// <summary>
/// The one step where an event's transaction or a login's catch-up grants an award: what is decided in the same
/// transaction as any award belongs here.
/// </summary>
internal sealed class AwardGranting
{
    /// <summary>
    /// Inserts the award unless the user holds it already (the unique key decides, so of two racing writers one wins);
    /// returns it when this call inserted it.
    /// </summary>
    public async Task<GrantedAward?> TryGrantAsync(
        EngineStore store, string userId, ActiveMilestone milestone, RecordedEvent achievedBy, long awardedByEventId, DateTimeOffset now,
        CancellationToken cancellationToken) =>
        await store.Awards.TryInsertAsync(userId, milestone.Id, achievedBy, awardedByEventId, now, cancellationToken)
            ? new GrantedAward(milestone.Definition, StoredTime.Truncate(now), StoredTime.Truncate(achievedBy.OccurredAt))
            : null;
}
