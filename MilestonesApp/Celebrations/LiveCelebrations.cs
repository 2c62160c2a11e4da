using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MilestonesApp.Application.Awards;
using MilestonesApp.Engine;

namespace MilestonesApp.Celebrations;

/// <summary>
/// Renders nothing. While a signed-in person's circuit is open, it hears of every award made for them, wherever it
/// was made (the events API, another tab, a login elsewhere, a backfill), and celebrates those this tab claims first:
/// the seen-markers decide, so of several open tabs exactly one celebrates each award.
/// </summary>
public sealed class LiveCelebrations : ComponentBase, IDisposable
{
    private readonly CancellationTokenSource disposed = new();
    private readonly Lock gate = new();
    private IDisposable? subscription;
    private Task claims = Task.CompletedTask;

    [Inject]
    public required IAwardNotifier Notifier { get; init; }

    [Inject]
    public required AwardClaims Claims { get; init; }

    [Inject]
    public required CelebrationQueue Queue { get; init; }

    [Inject]
    public required ILogger<LiveCelebrations> Logger { get; init; }

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    // After the first render only: prerendering has no circuit to celebrate in.
    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender || AuthenticationState is null)
        {
            return;
        }

        var userId = (await AuthenticationState).User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null || disposed.IsCancellationRequested)
        {
            return;
        }

        // The texts are claimed in this circuit's language, not that of whatever request made the award.
        var culture = CultureInfo.CurrentCulture;
        var uiCulture = CultureInfo.CurrentUICulture;
        subscription = Notifier.Subscribe(userId, _ => QueueClaim(() => CelebrateUnseenAsync(userId, culture, uiCulture)));
    }

    /// <summary>
    /// Completes when every claim this tab started so far has settled (celebrated, found taken, or given up). Tests
    /// wait on it before saying that a tab did not celebrate.
    /// </summary>
    internal Task ClaimsSettled
    {
        get
        {
            lock (gate)
            {
                return claims;
            }
        }
    }

    // One claim at a time per tab, off the publisher's thread: two notices in quick succession then celebrate in order.
    private void QueueClaim(Func<Task> claim)
    {
        lock (gate)
        {
            claims = claims.ContinueWith(_ => claim(), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default).Unwrap();
        }
    }

    private async Task CelebrateUnseenAsync(string userId, CultureInfo culture, CultureInfo uiCulture)
    {
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = uiCulture;
        try
        {
            Queue.Enqueue(await Claims.ClaimUnseenAsync(userId, disposed.Token));
        }
        catch (OperationCanceledException) when (disposed.IsCancellationRequested)
        {
            // The tab closed meanwhile; the award stays unseen and is celebrated at the next visit.
        }
        catch (Exception exception)
        {
            Logger.LogWarning(exception, "Live awards for user {UserId} could not be claimed; they are celebrated at the next visit.", userId);
        }
    }

    public void Dispose()
    {
        subscription?.Dispose();
        // Cancelled, not disposed: a claim already running may still read the token.
        disposed.Cancel();
    }
}
