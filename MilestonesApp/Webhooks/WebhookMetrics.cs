using System.Diagnostics.Metrics;
using MilestonesApp.Data.Entities;

namespace MilestonesApp.Webhooks;

/// <summary>
/// The webhooks' instruments, on the meter <see cref="MeterName"/>: attempts by how they ended, and how long the
/// oldest pending delivery has waited (growing means a receiver is down or the dispatchers are behind).
/// </summary>
public sealed class WebhookMetrics
{
    public const string MeterName = "MilestonesApp.Webhooks";

    private readonly Counter<long> attempts;
    private readonly Counter<long> failures;
    private double oldestPendingAge;

    public WebhookMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        attempts = meter.CreateCounter<long>("milestones.webhooks.deliveries", "{attempt}",
            "Delivery attempts, by what the delivery became: delivered, retry (pending again) or failed (retries used up).");
        failures = meter.CreateCounter<long>("milestones.webhooks.failures", "{attempt}", "Attempts that got no 2xx answer: an error status, a timeout or no connection.");
        meter.CreateObservableGauge("milestones.webhooks.oldest_pending.age", () => Volatile.Read(ref oldestPendingAge), "s",
            "How long the oldest delivery still pending to a live endpoint has waited since its award; 0 when none is.");
    }

    internal void Attempted(WebhookOutcome outcome, bool succeeded)
    {
        attempts.Add(1, new KeyValuePair<string, object?>("milestones.webhook.outcome", outcome switch
        {
            WebhookOutcome.Delivered => "delivered",
            WebhookOutcome.Failed => "failed",
            _ => "retry",
        }));
        if (!succeeded)
        {
            failures.Add(1);
        }
    }

    internal void OldestPending(TimeSpan age) => Volatile.Write(ref oldestPendingAge, Math.Max(0, age.TotalSeconds));
}
