namespace MilestonesApp.Data;

/// <summary>
/// Keeps something held in memory in step with changes other nodes or processes make: rereads it at start, before the
/// app serves, then once every interval. A read that fails (a database that does not answer for a moment) leaves what
/// was read last in place; the next tick tries again.
/// </summary>
internal abstract partial class PeriodicRefresher(TimeSpan interval, TimeProvider time, ILogger logger) : BackgroundService
{
    // Made with the service, not in ExecuteAsync (which .NET runs on a background thread after start), so the first
    // interval counts from start and no tick is lost to a slow thread pool.
    private readonly PeriodicTimer ticks = new(interval, time);

    /// <summary>What is reread, for the warning when a read fails.</summary>
    protected abstract string What { get; }

    protected abstract Task RefreshAsync(CancellationToken cancellationToken);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await RefreshAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (await ticks.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RefreshAsync(stoppingToken);
            }
            catch (Exception problem) when (problem is not OperationCanceledException)
            {
                LogRefreshFailed(logger, What, problem);
            }
        }
    }

    public override void Dispose()
    {
        ticks.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not reread {What}; keeping what was read last")]
    private static partial void LogRefreshFailed(ILogger logger, string what, Exception problem);
}
