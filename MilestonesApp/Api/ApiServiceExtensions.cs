using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MilestonesApp.Api.Keys;
using Scalar.AspNetCore;

namespace MilestonesApp.Api;

public static class ApiServiceExtensions
{
    /// <summary>The events API: keys and their authentication, the per-key rate limit, problem details and the OpenAPI document.</summary>
    public static IHostApplicationBuilder AddEventsApi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<EventsApiOptions>().BindConfiguration(EventsApiOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddApiKeys();
        builder.Services.AddSingleton<FailedAuthentications>();
        builder.Services.AddSingleton<ApiRoutes>();
        builder.Services.AddSingleton<ApiProblems>();
        builder.Services.AddSingleton<EventRecorder>();
        // Before AddProblemDetails, so that the API's writer is asked before the framework's, which heeds Accept.
        builder.Services.AddSingleton<IProblemDetailsWriter, ApiProblemDetailsWriter>();
        builder.Services.AddProblemDetails();
        builder.Services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, configureOptions: null);
        builder.Services.AddAuthorizationBuilder().AddPolicy(EventsApi.AuthorizationPolicy, policy => policy
            .AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName)
            .RequireAuthenticatedUser());
        builder.Services.AddRateLimiter(limiter => limiter.AddPolicy<string, ApiKeyRateLimitPolicy>(ApiKeyRateLimitPolicy.Name));
        builder.Services.AddOpenApi(openApi =>
        {
            // The document describes the events API only, not the pages' own endpoints (culture switch, account forms).
            openApi.ShouldInclude = endpoint => endpoint.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            openApi.AddDocumentTransformer<EventsApiDocument>();
            openApi.AddSchemaTransformer<EventsApiSchemas>();
        });
        return builder;
    }

    /// <summary>The API's keys, checked from memory and kept in step with other nodes' changes.</summary>
    public static IServiceCollection AddApiKeys(this IServiceCollection services)
    {
        services.AddSingleton<ApiKeyDirectory>();
        services.AddHostedService<ApiKeyRefresher>();
        services.TryAddSingleton<ApiKeyService>();
        return services;
    }

    /// <summary>
    /// Authentication and authorization (the rate limiter is UseMilestonesRateLimiting, once for the whole app: a second
    /// one would count every limited request twice), then the API's endpoints, <c>/openapi/v1.json</c> and the
    /// <c>/api/docs</c> page. Call after request localization, so that a 401's or 429's title follows Accept-Language.
    /// </summary>
    public static WebApplication UseEventsApi(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapEventsApi();
        app.MapOpenApi();
        // The page's script is served from the package itself and its fonts are the browser's: nothing is fetched from a CDN.
        // Nothing on it leads off this app: no AI agent, MCP, client generator, developer tools or telemetry.
        app.MapScalarApiReference("/api/docs", scalar => scalar
            .WithTitle("Milestones events API")
            .DisableDefaultFonts()
            .DisableAgent()
            .DisableMcp()
            .DisableTelemetry()
            .HideClientButton()
            .HideDeveloperTools()
            // One theme, the light default whose contrast ApiDocsStyle fixes and the accessibility test checks.
            .HideDarkModeToggle()
            .WithCustomCss(ApiDocsStyle.Css)
            // The page's template has no lang; its text is the document's, in English.
            .AddHeadContent("<script>document.documentElement.lang = 'en';</script>")
            .AddPreferredSecuritySchemes(EventsApiDocument.SecuritySchemeName));
        return app;
    }
}
