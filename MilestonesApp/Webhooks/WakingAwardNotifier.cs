using MilestonesApp.Engine;

namespace MilestonesApp.Webhooks;

/// <summary>
/// The app's award notifier, which also wakes this node's dispatcher when awards are published: on SQLite, where no
/// trigger can notify, a local award is sent at once rather than at the next poll. Whether any endpoint is live is
/// the dispatcher's question; a wake with nothing due costs one indexed query.
/// </summary>
internal sealed class WakingAwardNotifier(IAwardNotifier inner, WebhookSignal signal) : IAwardNotifier
{
    public async Task PublishAsync(IReadOnlyList<AwardNotice> awards, CancellationToken cancellationToken = default)
    {
        await inner.PublishAsync(awards, cancellationToken);
        if (awards.Count > 0)
        {
            signal.Wake();
        }
    }

    public IDisposable Subscribe(string userId, Action<IReadOnlyList<AwardNotice>> listener) => inner.Subscribe(userId, listener);
}
