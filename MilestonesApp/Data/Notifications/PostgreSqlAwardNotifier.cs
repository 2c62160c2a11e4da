using MilestonesApp.Engine;
using Npgsql;

namespace MilestonesApp.Data.Notifications;

/// <summary>
/// The award notifier of several nodes on one PostgreSQL database: publishing is a <c>NOTIFY</c> that every node's
/// <see cref="PostgreSqlAwardListener"/> hears, this node's included, and the listener alone calls this node's
/// subscribers, so each hears a notice once whichever node made the award.
/// </summary>
internal sealed partial class PostgreSqlAwardNotifier(
    string connectionString, InProcessAwardNotifier localListeners, ILogger<PostgreSqlAwardNotifier> logger) : IAwardNotifier
{
    public const string Channel = "milestones_awards";

    public async Task PublishAsync(IReadOnlyList<AwardNotice> awards, CancellationToken cancellationToken = default)
    {
        string[] payloads = [.. AwardNotificationPayload.Serialize(awards)];
        if (payloads.Length == 0)
        {
            return;
        }

        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            await using var notify = new NpgsqlCommand("SELECT pg_notify(@channel, payload) FROM unnest(@payloads) AS payload", connection);
            notify.Parameters.AddWithValue("channel", Channel);
            notify.Parameters.AddWithValue("payloads", payloads);
            await notify.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (NpgsqlException exception)
        {
            // The awards are committed and stay unseen: the person's next visit celebrates them.
            LogPublishFailed(logger, exception, awards.Count);
        }
    }

    public IDisposable Subscribe(string userId, Action<IReadOnlyList<AwardNotice>> listener) => localListeners.Subscribe(userId, listener);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} award notices could not be sent to the other nodes; they are celebrated at the next visit.")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception, int count);
}
