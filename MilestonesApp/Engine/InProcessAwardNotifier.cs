using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace MilestonesApp.Engine;

/// <summary>The award notifier of one node: listeners by user id, called directly by the publishing thread.</summary>
internal sealed class InProcessAwardNotifier(ILogger<InProcessAwardNotifier> logger) : IAwardNotifier
{
    private readonly ConcurrentDictionary<string, ImmutableList<Action<IReadOnlyList<AwardNotice>>>> listeners = new(StringComparer.Ordinal);

    public Task PublishAsync(IReadOnlyList<AwardNotice> awards, CancellationToken cancellationToken = default)
    {
        foreach (var forUser in awards.GroupBy(a => a.UserId, StringComparer.Ordinal))
        {
            if (!listeners.TryGetValue(forUser.Key, out var userListeners))
            {
                continue;
            }

            var notices = forUser.ToList();
            foreach (var listener in userListeners)
            {
                try
                {
                    listener(notices);
                }
                catch (Exception exception)
                {
                    logger.LogWarning(exception, "An award listener for user {UserId} failed.", forUser.Key);
                }
            }
        }

        return Task.CompletedTask;
    }

    public IDisposable Subscribe(string userId, Action<IReadOnlyList<AwardNotice>> listener)
    {
        listeners.AddOrUpdate(userId, _ => [listener], (_, existing) => existing.Add(listener));
        return new Subscription(this, userId, listener);
    }

    private void Unsubscribe(string userId, Action<IReadOnlyList<AwardNotice>> listener)
    {
        while (listeners.TryGetValue(userId, out var existing))
        {
            var remaining = existing.Remove(listener);
            var replaced = remaining.IsEmpty
                ? listeners.TryRemove(new KeyValuePair<string, ImmutableList<Action<IReadOnlyList<AwardNotice>>>>(userId, existing))
                : listeners.TryUpdate(userId, remaining, existing);
            if (replaced)
            {
                return;
            }
        }
    }

    private sealed class Subscription(InProcessAwardNotifier notifier, string userId, Action<IReadOnlyList<AwardNotice>> listener) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                notifier.Unsubscribe(userId, listener);
            }
        }
    }
}
