using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace MilestonesApp.Hosting;

public static class RateLimitingExtensions
{
    /// <summary>
    /// ASP.NET Core's rate limiter with the app's named policies. Other features add their own policies with another
    /// <c>AddRateLimiter</c> call: the options compose. A refused request gets 429 with <c>Retry-After</c>; the status
    /// code page then explains it in the reader's language.
    /// </summary>
    public static IHostApplicationBuilder AddMilestonesRateLimiting(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AccountFormsRateLimitOptions>()
            .BindConfiguration(AccountFormsRateLimitOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                // The status code page re-executes this request to explain the 429. It is a component page, and a
                // POST there would be taken for a form submission of its own, so it is shown as the GET it is.
                context.HttpContext.Request.Method = HttpMethods.Get;
                return ValueTask.CompletedTask;
            };
            options.AddPolicy(RateLimitPolicies.AccountForms, AccountFormsPartition);
        });
        return builder;
    }

    public static WebApplication UseMilestonesRateLimiting(this WebApplication app)
    {
        app.UseRateLimiter();
        return app;
    }

    // Reading the forms is free; only submitting them counts.
    private static RateLimitPartition<string> AccountFormsPartition(HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            return RateLimitPartition.GetNoLimiter("read");
        }

        var limits = context.RequestServices.GetRequiredService<IOptions<AccountFormsRateLimitOptions>>().Value;
        return RateLimitPartition.GetFixedWindowLimiter(
            context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = limits.PermitLimit, Window = limits.Window, QueueLimit = 0 });
    }
}
