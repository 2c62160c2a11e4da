using Microsoft.Extensions.Hosting;
using MilestonesApp.Tests.Shared;

namespace MilestonesApp.Tests.Api;

/// <summary>
/// The app as it is deployed (Production: the error page, not the developer page), with small API limits so that a
/// test reaches them: two requests per key an hour. On Kestrel, as deployed: the test server enforces no body limit.
/// </summary>
public sealed class ProductionApiAppFactory : MilestonesAppFactory
{
    public ProductionApiAppFactory()
        : base(new TemporarySqliteDatabase(), ownsDatabase: true, Environments.Production)
    {
        Settings["Milestones:Api:RateLimitPermits"] = "2";
        Settings["Milestones:Api:RateLimitWindow"] = "01:00:00";
        UseKestrel(0);
    }
}
