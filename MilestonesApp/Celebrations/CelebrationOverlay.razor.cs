using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Microsoft.JSInterop;
using MilestonesApp.Application.Receipts;
using MilestonesApp.Engine;
using MilestonesApp.Resources;

namespace MilestonesApp.Celebrations;

public sealed partial class CelebrationOverlay
{
    internal const string ModulePath = "./js/celebrations.js";

    private IJSObjectReference? module;
    private bool animationsReady;
    private bool prefersReducedMotion;
    private Celebration? shown;
    private int shownNumber;
    private ElementReference toast;
    private bool focusPending;
    private ITimer? autoDismiss;
    private bool pointerInside;
    private bool focusInside;
    private NextStep? next;

    [Inject]
    public required CelebrationQueue Queue { get; init; }

    [Inject]
    public required IJSRuntime JS { get; init; }

    [Inject]
    public required TimeProvider Clock { get; init; }

    [Inject]
    public required IOptions<CelebrationOptions> Options { get; init; }

    [Inject]
    public required IStringLocalizer<AppStrings> L { get; init; }

    [Inject]
    public required ILogger<CelebrationOverlay> Logger { get; init; }

    [Inject]
    public required IServiceProvider Services { get; init; }

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    protected override void OnInitialized()
    {
        Queue.Changed += OnQueueChanged;
        ShowCurrent();
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender)
        {
            await MoveFocusAsync();
            return;
        }

        try
        {
            module = await JS.InvokeAsync<IJSObjectReference>("import", ModulePath);
            prefersReducedMotion = await module.InvokeAsync<bool>("prefersReducedMotion");
        }
        catch (JSException exception)
        {
            // Without the module the cards still appear, only without animation.
            Logger.LogWarning(exception, "The celebrations module could not be loaded; celebrations show without animation.");
        }

        animationsReady = true;
        StateHasChanged();
    }

    private AnimationKind AnimationFor(Celebration celebration) =>
        module is null || prefersReducedMotion ? AnimationKind.None : celebration.Animation;

    private void OnQueueChanged() => _ = InvokeAsync(ShowCurrent);

    private void ShowCurrent()
    {
        var current = Queue.Current;
        if (ReferenceEquals(current, shown))
        {
            return;
        }

        // A card replaced by the next one keeps the focus in the overlay; only the last one closing gives it back. A card
        // shown before the module has loaded is focused once it has (MoveFocusAsync waits for it).
        focusPending = current is not null || shown is not null;
        shown = current;
        shownNumber++;
        focusInside = false;
        pointerInside = false;
        RestartAutoDismiss();
        next = null;
        if (current is not null)
        {
            _ = ShowNextStepAsync(current);
        }

        StateHasChanged();
    }

    // The person's nearest milestone ahead, read once the award is held, so it is counted as earned. The reader is absent
    // where the app's receipts are not registered (the overlay on its own): the cards then show no line.
    private async Task ShowNextStepAsync(Celebration celebration)
    {
        if (celebration is OnboardingCelebration || celebration.Next is not null || AuthenticationState is null ||
            Services.GetService<NextStepReader>() is not { } reader)
        {
            return;
        }

        try
        {
            if ((await AuthenticationState).User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId &&
                await reader.ReadAsync(userId) is { } found && ReferenceEquals(shown, celebration))
            {
                next = found;
                StateHasChanged();
            }
        }
        catch (Exception exception)
        {
            // The card stands without it.
            Logger.LogWarning(exception, "The next milestone could not be read for the celebration card.");
        }
    }

    private async Task MoveFocusAsync()
    {
        if (!focusPending || module is null)
        {
            return;
        }

        focusPending = false;
        try
        {
            await (shown is null ? module.InvokeVoidAsync("restoreFocus") : module.InvokeVoidAsync("focusCard", toast));
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone: there is no page left to focus.
        }
    }

    // Dismissal names the card it is meant for, so a late timer or a double click never skips the card after it.
    private void DismissIfCurrent(Celebration celebration)
    {
        if (ReferenceEquals(Queue.Current, celebration))
        {
            Queue.DismissCurrent();
        }
    }

    private void CloseOnEscape(KeyboardEventArgs key, Celebration celebration)
    {
        if (key.Key == "Escape")
        {
            DismissIfCurrent(celebration);
        }
    }

    private void Hold(bool pointer)
    {
        (pointer ? ref pointerInside : ref focusInside) = true;
        RestartAutoDismiss();
    }

    private void Release(bool pointer)
    {
        (pointer ? ref pointerInside : ref focusInside) = false;
        RestartAutoDismiss();
    }

    private void RestartAutoDismiss()
    {
        autoDismiss?.Dispose();
        autoDismiss = null;
        if (shown is not { } celebration || pointerInside || focusInside || Options.Value.AutoDismissAfter is not { } delay)
        {
            return;
        }

        autoDismiss = Clock.CreateTimer(
            _ => _ = InvokeAsync(() => DismissIfCurrent(celebration)), null, delay, Timeout.InfiniteTimeSpan);
    }

    public async ValueTask DisposeAsync()
    {
        Queue.Changed -= OnQueueChanged;
        autoDismiss?.Dispose();
        if (module is not null)
        {
            try
            {
                await module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The circuit is gone, and the module with it.
            }
        }
    }
}
