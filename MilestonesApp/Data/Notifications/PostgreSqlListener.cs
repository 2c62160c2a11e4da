using Npgsql;

namespace MilestonesApp.Data.Notifications;

/// <summary>
/// Keeps one connection per node listening on a PostgreSQL channel and hands each notification to
/// <see cref="OnNotification"/>. A dropped connection is reopened at once, then with a growing pause while the
/// database stays unreachable; notices sent meanwhile are missed, so what listens must have another way to catch up
/// (<see cref="OnListening"/> runs each time listening starts again).
/// </summary>
internal abstract partial class PostgreSqlListener(
    string connectionString, string channel, string applicationName, TimeProvider time, ILogger logger) : BackgroundService
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    protected abstract void OnNotification(string payload);

    protected virtual void OnListening()
    {
    }

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
                LogConnectionLost(logger, exception, channel, failures);
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
            ApplicationName = applicationName,
            KeepAlive = 30,
        };
        await using var connection = new NpgsqlConnection(settings.ToString());
        connection.Notification += (_, notification) => OnNotification(notification.Payload);
        await connection.OpenAsync(stoppingToken);
        await using (var listen = new NpgsqlCommand($"LISTEN {channel}", connection))
        {
            await listen.ExecuteNonQueryAsync(stoppingToken);
        }

        LogListening(logger, channel);
        listening();
        OnListening();
        while (true)
        {
            await connection.WaitAsync(stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Listening on {Channel} for what other nodes do.")]
    private static partial void LogListening(ILogger logger, string channel);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The connection listening on {Channel} failed ({Failures} failures before); reconnecting.")]
    private static partial void LogConnectionLost(ILogger logger, Exception exception, string channel, int failures);
}
