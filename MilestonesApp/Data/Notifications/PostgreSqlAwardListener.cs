using MilestonesApp.Engine;

namespace MilestonesApp.Data.Notifications;

/// <summary>
/// Hands each notice of <see cref="PostgreSqlAwardNotifier.Channel"/> to this node's subscribers. Notices sent while
/// the connection was down are missed, and those awards are celebrated at the person's next visit instead.
/// </summary>
internal sealed class PostgreSqlAwardListener(
    string connectionString, InProcessAwardNotifier localListeners, TimeProvider time, ILogger<PostgreSqlAwardListener> logger)
    : PostgreSqlListener(connectionString, PostgreSqlAwardNotifier.Channel, ApplicationName, time, logger)
{
    public const string ApplicationName = "milestones-award-listener";

    protected override void OnNotification(string payload)
    {
        var notices = AwardNotificationPayload.Parse(payload);
        if (notices.Count > 0)
        {
            // Listeners must not block; the in-process notifier already shields this loop from their failures.
            _ = localListeners.PublishAsync(notices);
        }
    }
}
