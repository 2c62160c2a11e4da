using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using MilestonesApp.Application.Receipts;
using MilestonesApp.Celebrations;
using MilestonesApp.Engine;

namespace MilestonesApp.Admin;

/// <summary>
/// Plays celebrations for the admin exactly as a user would see them: an <see cref="AwardedMilestone"/> built from the
/// definition, pushed into this circuit's own <see cref="CelebrationQueue"/>. Nothing is recorded or written anywhere.
/// </summary>
internal sealed class CelebrationPreview(
    AdminGuard guard, MilestoneTextLocalizer texts, CelebrationQueue queue, TimeProvider time,
    AuthenticationStateProvider authenticationState, ReceiptService receipts)
{
    /// <summary>
    /// Celebrates the milestone with its texts in <paramref name="culture"/>; <paramref name="playAs"/> swaps in another
    /// animation kind (confetti with default options) to see how the milestone would look with it.
    /// </summary>
    public async Task PreviewAsync(MilestoneDefinition definition, CultureInfo culture, AnimationKind? playAs = null)
    {
        await guard.EnsureAdminAsync();
        var next = await NextStepAsync(definition.Code, culture);
        queue.Enqueue([.. CelebrationQueue.CardsFor([AwardFor(definition, culture)], culture).Select(card => PlayedAs(card, playAs) with { Next = next })]);
    }

    /// <summary>
    /// The "what's next" line the card would show, in <paramref name="culture"/>: the admin's own nearest milestone ahead
    /// once this one is held (the admin's account stands in for the person; a draft is nobody's yet).
    /// </summary>
    private async Task<NextStep?> NextStepAsync(string code, CultureInfo culture)
    {
        var user = (await authenticationState.GetAuthenticationStateAsync()).User;
        if (user.FindFirstValue(ClaimTypes.NameIdentifier) is not { } userId)
        {
            return null;
        }

        var pageCulture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = culture;
        try
        {
            var ahead = (await receipts.ListAsync(userId)).Where(receipt => receipt.Code != code);
            return WhatsNext.Nearest(ahead) is { } nearest ? NextStep.From(nearest) : null;
        }
        finally
        {
            CultureInfo.CurrentUICulture = pageCulture;
        }
    }

    /// <summary>Celebrates several milestones at once, as a catch-up or backfill would: more than three make one grouped card.</summary>
    public async Task PreviewTogetherAsync(IReadOnlyList<MilestoneDefinition> definitions, CultureInfo culture, AnimationKind? playAs = null)
    {
        await guard.EnsureAdminAsync();
        var awards = definitions.Select(definition => AwardFor(definition, culture)).ToList();
        queue.Enqueue([.. CelebrationQueue.CardsFor(awards, culture).Select(card => PlayedAs(card, playAs))]);
    }

    /// <summary>The welcome card and confetti that end onboarding, in <paramref name="culture"/>.</summary>
    public async Task PreviewOnboardingAsync(CultureInfo culture, AnimationKind? playAs = null)
    {
        await guard.EnsureAdminAsync();
        queue.Enqueue([PlayedAs(new OnboardingCelebration { Culture = culture }, playAs)]);
    }

    private AwardedMilestone AwardFor(MilestoneDefinition definition, CultureInfo culture) =>
        UiCulture.Use(culture, () => texts.Award(definition, time.GetUtcNow()));

    // "Play with" applies to every card the toolbar plays. A video is a milestone's own: a card without one (another
    // milestone, the welcome card, the grouped card) never borrows someone else's and plays as the card alone.
    private static Celebration PlayedAs(Celebration card, AnimationKind? playAs) => playAs switch
    {
        null => card,
        var kind when kind == card.Animation => card,
        AnimationKind.Webm => card with { Animation = AnimationKind.None, AnimationData = null },
        var kind => card with { Animation = kind.Value, AnimationData = null },
    };
}
