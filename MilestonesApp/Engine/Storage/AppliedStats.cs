namespace MilestonesApp.Engine.Storage;

/// <summary>
/// What the stats upsert returns: the user's row after the event, the user's catch-up mark, the catalog version and the
/// milestones the user holds.
/// </summary>
internal sealed record AppliedStats(UserStatsSnapshot Stats, CatchUpMark? Mark, long CatalogVersion, HashSet<int> Held);
