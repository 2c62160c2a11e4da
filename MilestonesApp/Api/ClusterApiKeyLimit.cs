using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MilestonesApp.Api.Keys;
using MilestonesApp.Data;

namespace MilestonesApp.Api;

/// <summary>
/// The per-key rate limit on PostgreSQL: one counter per key in <c>api_key_windows</c>, which every node increments in
/// one upsert, so three nodes allow a key its limit once, not three times. Fixed windows aligned on the Unix epoch, so
/// every node computes the same window; a node whose clock lags counts into the window already begun.
/// </summary>
internal sealed class ClusterApiKeyLimit(
    IDbContextFactory<AppDbContext> dbFactory, IOptions<EventsApiOptions> options, TimeProvider time, ApiProblems problems)
    : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        // Authorization ran first: only a live key's requests get here.
        var keyId = int.Parse(http.User.FindFirst(ApiKeyAuthenticationHandler.KeyIdClaim)!.Value, CultureInfo.InvariantCulture);
        var length = (long)options.Value.RateLimitWindow.TotalMilliseconds;
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var start = now - now % length;

        await using var db = await dbFactory.CreateDbContextAsync(http.RequestAborted);
        var counted = await db.Database.SqlQuery<int>($"""
            INSERT INTO api_key_windows (api_key_id, window_start, requests) VALUES ({keyId}, {start}, 1)
            ON CONFLICT (api_key_id) DO UPDATE SET
                requests = CASE WHEN excluded.window_start > api_key_windows.window_start THEN 1 ELSE api_key_windows.requests + 1 END,
                window_start = GREATEST(api_key_windows.window_start, excluded.window_start)
            RETURNING requests AS "Value"
            """).ToListAsync(http.RequestAborted);
        if (counted.Single() <= options.Value.RateLimitPermits)
        {
            return await next(context);
        }

        var wait = TimeSpan.FromMilliseconds(start + length - now);
        http.Response.Headers.RetryAfter = RetryAfter.Seconds(wait);
        return TypedResults.Problem(problems.TooManyRequests(wait));
    }
}
