using MilestonesApp.Data.Configuration;
using Npgsql;

namespace MilestonesApp.Webhooks;

/// <summary>
/// Keeps one connection per node listening on <see cref="WebhookTablesConfiguration.NotificationChannel"/>, which the
/// outbox trigger notifies when an award commits with deliveries, and wakes this node's dispatcher. A notice missed
/// while the connection is down costs a poll interval, never a delivery. The same shape as the award listener.
/// </summary>
internal sealed partial class PostgreSqlWebhookListener(
    string connectionString, WebhookSignal signal, TimeProvider time, ILogger<PostgreSqlWebhookListener> logger) : BackgroundService
{
    public const string ApplicationName = "milestones-webhook-listener";

    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

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
                    await Task.Delay(TimeSpan.FromSeconds(Math.Min(MaxBackoff.TotalSeconds, Math.Pow(2, Math.Min(failures - 2, 5)))), time, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private async Task ListenAsync(Action listening, CancellationToken stoppingToken)
    {
        // Its own connection outside the pool: LISTEN belongs to the session, which a pooled connection resets.
        var settings = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, ApplicationName = ApplicationName, KeepAlive = 30 };
        await using var connection = new NpgsqlConnection(settings.ToString());
        connection.Notification += (_, _) => signal.Wake();
        await connection.OpenAsync(stoppingToken);
        await using (var listen = new NpgsqlCommand($"LISTEN {WebhookTablesConfiguration.NotificationChannel}", connection))
        {
            await listen.ExecuteNonQueryAsync(stoppingToken);
        }

        listening();
        // Deliveries written while no one listened are due already.
        signal.Wake();
        while (true)
        {
            await connection.WaitAsync(stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The webhook listener's connection failed ({Failures} failures before); reconnecting.")]
    private static partial void LogConnectionLost(ILogger logger, Exception exception, int failures);
}
