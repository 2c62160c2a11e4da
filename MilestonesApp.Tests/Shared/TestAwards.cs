using MilestonesApp.Engine;

namespace MilestonesApp.Tests.Shared;

/// <summary>Awards as the engine reports them, for tests of what the app does with them.</summary>
public static class TestAwards
{
    public static AwardedMilestone Award(string code, AnimationKind animation = AnimationKind.Confetti, string? animationData = null) =>
        new(code, $"Title of {code}", $"Description of {code}", "🏅", animation, animationData,
            new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    public static IReadOnlyList<AwardedMilestone> Awards(int count) =>
        [.. Enumerable.Range(1, count).Select(number => Award($"award_{number}"))];
}
