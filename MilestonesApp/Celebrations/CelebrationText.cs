namespace MilestonesApp.Celebrations;

/// <summary>The resource keys of the overlay's own texts in <c>Resources/AppStrings*.resx</c>.</summary>
internal static class CelebrationText
{
    public const string Region = "Celebration.Region";
    public const string NewMilestone = "Celebration.NewMilestone";
    public const string NewMilestones = "Celebration.NewMilestones";
    public const string Dismiss = "Celebration.Dismiss";
    public const string WelcomeTitle = "Celebration.WelcomeTitle";
    public const string WelcomeDescription = "Celebration.WelcomeDescription";

    public static IReadOnlyList<string> All { get; } = [Region, NewMilestone, NewMilestones, Dismiss, WelcomeTitle, WelcomeDescription];
}
