using System.Globalization;
using MilestonesApp.Application.Receipts;
using MilestonesApp.Engine;

namespace MilestonesApp.Celebrations;

/// <summary>One card the overlay shows, and the animation it plays with it.</summary>
public abstract record Celebration(AnimationKind Animation, string? AnimationData)
{
    /// <summary>The language of the card's own texts when it is not the page's: an admin's preview in another language.</summary>
    public CultureInfo? Culture { get; init; }

    /// <summary>The "what's next" line when it is known where the card is made (an admin's preview); else the overlay reads the person's own.</summary>
    public NextStep? Next { get; init; }
}

/// <summary>A single milestone, played with the animation its definition names.</summary>
public sealed record MilestoneCelebration(AwardedMilestone Award) : Celebration(Award.Animation, Award.AnimationData);

/// <summary>Several milestones earned together (a catch-up, a backfill): one card and one larger burst instead of a flood.</summary>
public sealed record GroupedCelebration(IReadOnlyList<AwardedMilestone> Awards)
    : Celebration(AnimationKind.Confetti, """{"particleCount":300,"spread":140}""");

/// <summary>
/// Awards made while the person was away (a go live's backfill), however many: one card without animation that says
/// when each was earned, so a new milestone going live never floods anyone.
/// </summary>
public sealed record QuietCelebration(IReadOnlyList<AwardedMilestone> Awards) : Celebration(AnimationKind.None, null);

/// <summary>The end of onboarding: a welcome card with the same confetti as a milestone.</summary>
public sealed record OnboardingCelebration() : Celebration(AnimationKind.Confetti, null);
