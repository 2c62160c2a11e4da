using MilestonesApp.Engine;
using Npgsql;

namespace MilestonesApp.Data.Notifications;

/// <summary>
/// Keeps one connection per node listening on <see cref="PostgreSqlAwardNotifier.Channel"/> and hands each
/// notification to this node's subscribers. A dropped connection is reopened at once, then with a growing pause
/// while the database stays unreachable; notices sent meanwhile are missed, and those awards are celebrated at the
/// person's next visit instead.
/// </summary>
internal sealed partial class PostgreSqlAwardListener(
    string connectionString, InProcessAwardNotifier localListeners, TimeProvider time, ILogger<PostgreSqlAwardListener> logger)
    : BackgroundService
{
    public const string ApplicationName = "milestones-award-listener";

    public static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(() => failures = 0, stoppingToken);
            }
            catch (NpgsqlException exception) when (!stoppingToken.IsCancellationRequested)
            {
                LogConnectionLost(logger, exception, failures);
                if (failures++ > 0)
                {
                    await Task.Delay(Backoff(failures), time, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    // 1 s, 2 s, 4 s ... up to MaxBackoff, counted from the second failure in a row.
    private static TimeSpan Backoff(int failures) =>
        TimeSpan.FromSeconds(Math.Min(MaxBackoff.TotalSeconds, Math.Pow(2, Math.Min(failures - 2, 5))));

    private async Task ListenAsync(Action listening, CancellationToken stoppingToken)
    {
        // Its own connection outside the pool: LISTEN belongs to the session, which a pooled connection resets.
        var settings = new NpgsqlConnectionStringBuilder(connectionString)
        {
            Pooling = false,
            ApplicationName = ApplicationName,
            KeepAlive = 30,
        };
        await using var connection = new NpgsqlConnection(settings.ToString());
        connection.Notification += (_, notification) => Deliver(notification.Payload);
        await connection.OpenAsync(stoppingToken);
        await using (var listen = new NpgsqlCommand($"LISTEN {PostgreSqlAwardNotifier.Channel}", connection))
        {
            await listen.ExecuteNonQueryAsync(stoppingToken);
        }

        LogListening(logger);
        listening();
        while (true)
        {
            await connection.WaitAsync(stoppingToken);
        }
    }

    private void Deliver(string payload)
    {
        var notices = AwardNotificationPayload.Parse(payload);
        if (notices.Count > 0)
        {
            // Listeners must not block; the in-process notifier already shields this loop from their failures.
            _ = localListeners.PublishAsync(notices);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Listening for awards made on other nodes.")]
    private static partial void LogListening(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The award listener's connection failed ({Failures} failures before); reconnecting.")]
    private static partial void LogConnectionLost(ILogger logger, Exception exception, int failures);
}
