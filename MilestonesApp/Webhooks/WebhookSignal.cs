using System.Threading.Channels;

namespace MilestonesApp.Webhooks;

/// <summary>
/// Wakes this node's dispatcher: a local award, a notice from another node, an admin's "send again". Wakes coalesce:
/// however many arrive while it works, the dispatcher looks once more.
/// </summary>
public sealed class WebhookSignal
{
    private readonly Channel<bool> wakes = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Wake() => wakes.Writer.TryWrite(true);

    /// <summary>Waits for a wake or for <paramref name="poll"/> on <paramref name="time"/>'s clock, whichever comes first.</summary>
    internal async Task WaitAsync(TimeSpan poll, TimeProvider time, CancellationToken cancellationToken)
    {
        using var pollOver = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // The clock's own timer rather than CancelAfter, so that a fake clock drives the poll in tests.
        using var timer = time.CreateTimer(_ => pollOver.Cancel(), null, poll, Timeout.InfiniteTimeSpan);
        try
        {
            await wakes.Reader.ReadAsync(pollOver.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The poll interval passed.
        }
    }
}
