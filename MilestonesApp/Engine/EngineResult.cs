namespace MilestonesApp.Engine;

/// <summary>What recording one event did: its id, whether it was a retry, and what it newly awarded.</summary>
public sealed record EngineResult(
    long EventId,
    bool WasDuplicate,
    IReadOnlyList<AwardedMilestone> NewlyAwarded);
