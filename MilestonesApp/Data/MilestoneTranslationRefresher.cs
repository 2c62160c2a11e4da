namespace MilestonesApp.Data;

/// <summary>
/// Keeps <see cref="MilestoneTranslations"/> in step with saves made on other nodes or processes: reads the catalog
/// version twice a second (one tiny query) and the translations only when it moved. The first read happens at start,
/// before the app serves.
/// </summary>
internal sealed partial class MilestoneTranslationRefresher(
    MilestoneTranslations translations, TimeProvider time, ILogger<MilestoneTranslationRefresher> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);

    // Made with the service, not in ExecuteAsync (which .NET runs on a background thread after start), so the first
    // interval counts from start and no tick is lost to a slow thread pool.
    private readonly PeriodicTimer ticks = new(Interval, time);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await translations.RefreshAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (await ticks.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await translations.RefreshAsync(stoppingToken);
            }
            catch (Exception problem) when (problem is not OperationCanceledException)
            {
                // A database that does not answer for a moment leaves the last translations in place; the next tick tries again.
                LogRefreshFailed(logger, problem);
            }
        }
    }

    public override void Dispose()
    {
        ticks.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not reread the milestone translations; keeping the last ones read")]
    private static partial void LogRefreshFailed(ILogger logger, Exception problem);
}
