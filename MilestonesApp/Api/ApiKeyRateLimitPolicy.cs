using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using MilestonesApp.Api.Keys;

namespace MilestonesApp.Api;

/// <summary>
/// A fixed window of requests per API key, named so that other rate limit policies can live beside it. It carries its
/// own rejection, 429 with <c>Retry-After</c> and a problem body, rather than setting the limiter's global one.
/// </summary>
internal sealed class ApiKeyRateLimitPolicy(IOptions<EventsApiOptions> options, ApiProblems problems, IProblemDetailsService problemWriter)
    : IRateLimiterPolicy<string>
{
    public const string Name = "api-key";

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => RejectAsync;

    public RateLimitPartition<string> GetPartition(HttpContext httpContext) =>
        RateLimitPartition.GetFixedWindowLimiter(
            // Authorization ran first, so only authenticated keys get here; each key has its own window.
            httpContext.User.FindFirst(ApiKeyAuthenticationHandler.KeyIdClaim)?.Value ?? "",
            _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = options.Value.RateLimitPermits,
                Window = options.Value.RateLimitWindow,
                QueueLimit = 0,
            });

    private async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var response = context.HttpContext.Response;
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        TimeSpan? retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : null;
        response.Headers.RetryAfter = RetryAfter.Seconds(retryAfter ?? options.Value.RateLimitWindow);
        await problemWriter.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context.HttpContext,
            ProblemDetails = problems.TooManyRequests(retryAfter),
        });
    }
}
