namespace MilestonesApp.Api.Keys;

/// <summary>
/// Keeps <see cref="ApiKeyDirectory"/> in step with keys created and revoked on other nodes or by the operator command:
/// reads the keys' fingerprint twice a second (one tiny query), so a revocation anywhere is refused on every node within
/// a second. The first read happens at start, before the app serves.
/// </summary>
internal sealed partial class ApiKeyRefresher(ApiKeyDirectory directory, TimeProvider time, ILogger<ApiKeyRefresher> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);

    // Made with the service, not in ExecuteAsync (which .NET runs on a background thread after start), so the first
    // interval counts from start and no tick is lost to a slow thread pool.
    private readonly PeriodicTimer ticks = new(Interval, time);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await directory.RefreshAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (await ticks.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await directory.RefreshAsync(stoppingToken);
            }
            catch (Exception problem) when (problem is not OperationCanceledException)
            {
                // A database that does not answer for a moment leaves the last keys in place; the next tick tries again.
                LogRefreshFailed(logger, problem);
            }
        }
    }

    public override void Dispose()
    {
        ticks.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not reread the API keys; keeping the last ones read")]
    private static partial void LogRefreshFailed(ILogger logger, Exception problem);
}
