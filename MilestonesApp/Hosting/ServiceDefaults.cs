using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using MilestonesApp.Data;
using MilestonesApp.Engine;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace MilestonesApp.Hosting;

/// <summary>Health checks, metrics and traces, and their endpoints: what an operator's platform reads.</summary>
public static class ServiceDefaults
{
    public const string LivePath = "/health/live";
    public const string ReadyPath = "/health/ready";
    private const string LiveTag = "live";

    public static IHostApplicationBuilder AddServiceDefaults(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), [LiveTag])
            .AddDbContextCheck<AppDbContext>("database");

        // Only with somewhere to send them: without an exporter every request still built a span and fed the HTTP
        // metrics, read by no one, about a sixth of an events API request's CPU (README, Performance, B7). The meters
        // themselves stay readable by dotnet-counters, which needs no SDK. The exporter reads the standard
        // OTEL_EXPORTER_OTLP_* variables itself.
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            builder.Services.AddOpenTelemetry()
                .WithMetrics(metrics => metrics
                    .AddMeter(EngineMetrics.MeterName)
                    .AddMeter(Webhooks.WebhookMetrics.MeterName)
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation())
                .WithTracing(tracing => tracing
                    .AddSource(builder.Environment.ApplicationName)
                    .AddAspNetCoreInstrumentation(options => options.Filter = context => !IsHealthProbe(context.Request.Path))
                    .AddHttpClientInstrumentation())
                .UseOtlpExporter();
        }

        return builder;
    }

    /// <summary>
    /// <c>/health/live</c>: the process answers. <c>/health/ready</c>: the database answers too. Both anonymous, 200 or
    /// 503 with the one word Healthy or Unhealthy: nothing about the inside.
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = check => check.Tags.Contains(LiveTag) }).AllowAnonymous().DisableRateLimiting();
        app.MapHealthChecks(ReadyPath).AllowAnonymous().DisableRateLimiting();
        return app;
    }

    private static bool IsHealthProbe(PathString path) => path.StartsWithSegments(LivePath) || path.StartsWithSegments(ReadyPath);
}
