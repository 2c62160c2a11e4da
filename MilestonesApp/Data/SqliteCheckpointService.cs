using Microsoft.Data.Sqlite;

namespace MilestonesApp.Data;

/// <summary>
/// Checkpoints the WAL in the background (a passive checkpoint every <see cref="Interval"/>), so requests rarely wait
/// for it. Left to SQLite, the checkpoint runs inside whichever commit pushes the WAL past 1,000 pages, fsyncs
/// included, while every queued writer waits behind that commit: the largest part of the engine's p99 under
/// concurrent writers (README, Performance). Connections raise that threshold to <see cref="FallbackPages"/>
/// (about 40 MB): a passive checkpoint cannot rewind the WAL while writes never pause, and then the threshold is what
/// bounds it, as it is in a process that never starts this service (a test, a tool).
/// </summary>
internal sealed partial class SqliteCheckpointService(string connectionString, TimeProvider time, ILogger<SqliteCheckpointService> logger)
    : BackgroundService
{
    public const int FallbackPages = 10_000;

    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await using var connection = new SqliteConnection(connectionString);
        using var timer = new PeriodicTimer(Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                if (connection.State != System.Data.ConnectionState.Open)
                {
                    await connection.OpenAsync(stoppingToken);
                }

                await using var checkpoint = connection.CreateCommand();
                checkpoint.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
                await checkpoint.ExecuteNonQueryAsync(stoppingToken);
            }
            catch (SqliteException exception)
            {
                // A missed checkpoint costs nothing but a longer WAL until the next one; the fallback still bounds it.
                LogCheckpointFailed(logger, exception.Message);
                await connection.CloseAsync();
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Background WAL checkpoint failed; retrying at the next interval: {Error}")]
    private static partial void LogCheckpointFailed(ILogger logger, string error);
}
