using MilestonesApp.Data.Configuration;
using MilestonesApp.Data.Notifications;

namespace MilestonesApp.Webhooks;

/// <summary>
/// Wakes this node's dispatcher at each notice of <see cref="WebhookTablesConfiguration.NotificationChannel"/>, which
/// the outbox trigger sends when an award commits with deliveries. A notice missed while the connection is down costs
/// a poll interval, never a delivery.
/// </summary>
internal sealed class PostgreSqlWebhookListener(
    string connectionString, WebhookSignal signal, TimeProvider time, ILogger<PostgreSqlWebhookListener> logger)
    : PostgreSqlListener(connectionString, WebhookTablesConfiguration.NotificationChannel, ApplicationName, time, logger)
{
    public const string ApplicationName = "milestones-webhook-listener";

    protected override void OnNotification(string payload) => signal.Wake();

    // Deliveries written while no one listened are due already.
    protected override void OnListening() => signal.Wake();
}
