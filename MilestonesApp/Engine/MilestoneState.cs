namespace MilestonesApp.Engine;

/// <summary>Where a milestone is in its life. Only a live one is evaluated and awarded.</summary>
public enum MilestoneState
{
    /// <summary>Saved and previewable, never awarded, not listed to API clients.</summary>
    Draft,

    /// <summary>Evaluated and awarded.</summary>
    Live,

    /// <summary>No new awards; holders keep it and it stays on their receipts.</summary>
    Retired,
}
