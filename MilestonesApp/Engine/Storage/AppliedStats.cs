namespace MilestonesApp.Engine.Storage;

/// <summary>What the stats upsert returns: the user's row after the event, the catalog version and the milestones the user holds.</summary>
internal sealed record AppliedStats(UserStatsSnapshot Stats, long CatalogVersion, HashSet<int> Held);
