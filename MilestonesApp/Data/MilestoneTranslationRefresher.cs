namespace MilestonesApp.Data;

/// <summary>
/// Keeps <see cref="MilestoneTranslations"/> in step with saves made on other nodes or processes: reads the catalog
/// version twice a second (one tiny query) and the translations only when it moved. The first read happens at start,
/// before the app serves.
/// </summary>
internal sealed class MilestoneTranslationRefresher(
    MilestoneTranslations translations, TimeProvider time, ILogger<MilestoneTranslationRefresher> logger) : PeriodicRefresher(Interval, time, logger)
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);

    protected override string What => "the milestone translations";

    protected override Task RefreshAsync(CancellationToken cancellationToken) => translations.RefreshAsync(cancellationToken);
}
