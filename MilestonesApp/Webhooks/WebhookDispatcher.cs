using Microsoft.Extensions.Options;

namespace MilestonesApp.Webhooks;

/// <summary>
/// Sends due deliveries, on every node: claims a batch, sends it in parallel outside any transaction (a slow receiver
/// holds no lock and slows no event), records each outcome, and claims again until none is due; then waits for a wake
/// (<see cref="WebhookSignal"/>) or the poll interval, which also brings retries due.
/// </summary>
internal sealed partial class WebhookDispatcher(
    WebhookOutbox outbox, WebhookSender sender, WebhookSignal signal, WebhookMetrics metrics,
    IOptions<WebhookOptions> options, TimeProvider time, ILogger<WebhookDispatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await DispatchBatchAsync(stoppingToken) > 0)
                {
                }

                var oldest = await outbox.OldestPendingAsync(stoppingToken);
                metrics.OldestPending(oldest is { } since ? time.GetUtcNow() - since : TimeSpan.Zero);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // The database may be briefly away: the deliveries stay in the outbox and the next poll tries again.
                LogDispatchFailed(logger, exception);
            }

            await signal.WaitAsync(options.Value.PollInterval, time, stoppingToken);
        }
    }

    private async Task<int> DispatchBatchAsync(CancellationToken stoppingToken)
    {
        var claimed = await outbox.ClaimAsync(stoppingToken);
        await Task.WhenAll(claimed.Select(async delivery =>
        {
            WebhookAttempt attempt;
            try
            {
                attempt = await sender.SendAsync(delivery, stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                // Not the receiver's doing (a secret this node cannot decrypt, say), but counted as an attempt all the
                // same, so one broken delivery ends in failed instead of being claimed forever.
                LogSendFailed(logger, exception, delivery.Id);
                attempt = new WebhookAttempt(false, $"not sent: {exception.Message}");
            }

            var outcome = await outbox.RecordAsync(delivery, attempt, CancellationToken.None);
            if (outcome is { } standing)
            {
                metrics.Attempted(standing, attempt.Succeeded);
            }
            else
            {
                LogLeaseLost(logger, delivery.Id);
            }
        }));
        return claimed.Count;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook deliveries could not be dispatched; trying again at the next poll.")]
    private static partial void LogDispatchFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Webhook delivery {DeliveryId} could not be sent.")]
    private static partial void LogSendFailed(ILogger logger, Exception exception, long deliveryId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook delivery {DeliveryId} was attempted after its lease had passed to another claim; its outcome was not recorded.")]
    private static partial void LogLeaseLost(ILogger logger, long deliveryId);
}
