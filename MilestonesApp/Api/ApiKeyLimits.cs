using Microsoft.Extensions.Options;
using MilestonesApp.Data;

namespace MilestonesApp.Api;

internal static class ApiKeyLimits
{
    /// <summary>
    /// Each key's rate limit: counted in the database on PostgreSQL, where several nodes share it
    /// (<see cref="ClusterApiKeyLimit"/>); in process with ASP.NET Core's rate limiter on SQLite, whose database one node
    /// holds (<see cref="ApiKeyRateLimitPolicy"/>).
    /// </summary>
    public static RouteGroupBuilder RequirePerKeyLimit(this RouteGroupBuilder api) =>
        ((IEndpointRouteBuilder)api).ServiceProvider.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider == DatabaseProvider.PostgreSql
            ? api.AddEndpointFilter<ClusterApiKeyLimit>()
            : api.RequireRateLimiting(ApiKeyRateLimitPolicy.Name);
}
