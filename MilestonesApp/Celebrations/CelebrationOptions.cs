namespace MilestonesApp.Celebrations;

/// <summary>How celebrations behave, bound from the <c>Milestones:Celebrations</c> configuration section.</summary>
public sealed class CelebrationOptions
{
    public const string Section = "Milestones:Celebrations";

    /// <summary>How long a card stays before it dismisses itself (paused while the pointer rests on it or focus is inside it); null keeps it until dismissed.</summary>
    public TimeSpan? AutoDismissAfter { get; set; } = TimeSpan.FromSeconds(8);
}
