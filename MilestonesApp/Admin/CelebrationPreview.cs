using System.Globalization;
using MilestonesApp.Celebrations;
using MilestonesApp.Engine;

namespace MilestonesApp.Admin;

/// <summary>
/// Plays celebrations for the admin exactly as a user would see them: an <see cref="AwardedMilestone"/> built from the
/// definition, pushed into this circuit's own <see cref="CelebrationQueue"/>. Nothing is recorded or written anywhere.
/// </summary>
internal sealed class CelebrationPreview(AdminGuard guard, MilestoneTextLocalizer texts, CelebrationQueue queue, TimeProvider time)
{
    /// <summary>The video a milestone without one of its own plays when previewed as <see cref="AnimationKind.Webm"/>.</summary>
    public const string SampleVideo = "media/trophy.webm";

    /// <summary>
    /// Celebrates the milestone with its texts in <paramref name="culture"/>; <paramref name="playAs"/> swaps in another
    /// animation kind (with default options, or the sample video) to see how the milestone would look with it.
    /// </summary>
    public async Task PreviewAsync(MilestoneDefinition definition, CultureInfo culture, AnimationKind? playAs = null)
    {
        await guard.EnsureAdminAsync();
        queue.Enqueue([AwardFor(definition, culture, playAs)], culture);
    }

    /// <summary>Celebrates several milestones at once, as a catch-up or backfill would: more than three make one grouped card.</summary>
    public async Task PreviewTogetherAsync(IReadOnlyList<MilestoneDefinition> definitions, CultureInfo culture)
    {
        await guard.EnsureAdminAsync();
        queue.Enqueue([.. definitions.Select(definition => AwardFor(definition, culture, playAs: null))], culture);
    }

    /// <summary>The welcome card and confetti that end onboarding, in <paramref name="culture"/>.</summary>
    public async Task PreviewOnboardingAsync(CultureInfo culture)
    {
        await guard.EnsureAdminAsync();
        queue.EnqueueOnboarding(culture);
    }

    private AwardedMilestone AwardFor(MilestoneDefinition definition, CultureInfo culture, AnimationKind? playAs)
    {
        var shown = playAs is { } kind && kind != definition.Animation
            ? definition with { Animation = kind, AnimationData = kind == AnimationKind.Webm ? SampleVideo : null }
            : definition;

        return UiCulture.Use(culture, () => texts.Award(shown, time.GetUtcNow()));
    }
}
