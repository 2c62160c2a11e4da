using MilestonesApp.Data;

namespace MilestonesApp.Api.Keys;

/// <summary>
/// Keeps <see cref="ApiKeyDirectory"/> in step with keys created and revoked on other nodes or by the operator command:
/// reads the keys' fingerprint twice a second (one tiny query), so a revocation anywhere is refused on every node within
/// a second. The first read happens at start, before the app serves.
/// </summary>
internal sealed class ApiKeyRefresher(ApiKeyDirectory directory, TimeProvider time, ILogger<ApiKeyRefresher> logger)
    : PeriodicRefresher(Interval, time, logger)
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);

    protected override string What => "the API keys";

    protected override Task RefreshAsync(CancellationToken cancellationToken) => directory.RefreshAsync(cancellationToken);
}
