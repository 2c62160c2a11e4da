namespace MilestonesApp.Engine;

/// <summary>
/// What the engine holds for one user, read outside any write transaction: the app's services ask here and never
/// query the engine's tables themselves.
/// </summary>
public interface IEngineReads
{
    /// <summary>The user's stats, empty before their first event.</summary>
    Task<UserStatsSnapshot> StatsAsync(string userId, CancellationToken cancellationToken = default);

    /// <summary>Which of <paramref name="keys"/> the user has an event stored under.</summary>
    Task<IReadOnlySet<string>> StoredKeysAsync(string userId, IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default);

    /// <summary>The user's awards, oldest first.</summary>
    Task<IReadOnlyList<HeldAward>> AwardsAsync(string userId, CancellationToken cancellationToken = default);
}

/// <summary>
/// An award the user holds: <see cref="Id"/> names its row, for the app's own rows about it (that it was seen, say);
/// the milestone's definition may be inactive by now. <see cref="Backfilled"/>: a go live's backfill granted it, not an event.
/// </summary>
public sealed record HeldAward(long Id, MilestoneDefinition Milestone, DateTimeOffset AchievedAt, DateTimeOffset AwardedAt, bool Backfilled = false);
