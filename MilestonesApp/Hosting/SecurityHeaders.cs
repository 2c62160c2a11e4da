using NetEscapades.AspNetCore.SecurityHeaders.Headers.ContentSecurityPolicy;

namespace MilestonesApp.Hosting;

/// <summary>
/// The response headers every page carries. The Content-Security-Policy is what the Playwright journeys proved the
/// app needs, and no more: they fail on any violation in the console.
/// </summary>
internal static class SecurityHeaders
{
    /// <summary>
    /// The API reference page at <c>/api/docs</c>: Scalar starts itself with an inline module script and evaluates code
    /// (the journey showed both blocked otherwise). The page shows no person's data and its calls carry the API key the
    /// reader types, never the app's cookie; the app's own pages keep the strict policy.
    /// </summary>
    public const string ApiDocsPolicy = "api-docs";
    private const string ApiDocsPath = "/api/docs";

    public static void AddMilestonesSecurityHeaders(this IServiceCollection services) =>
        services.AddSecurityHeaderPolicies()
            // Blazor's import map is the app's one inline script; it carries the request's nonce. No eval anywhere.
            .SetDefaultPolicy(policy => Common(policy, scripts => scripts.Self().WithNonce()))
            .AddPolicy(ApiDocsPolicy, policy => Common(policy, scripts => scripts.Self().UnsafeInline().UnsafeEval()))
            .SetPolicySelector(context => context.HttpContext.Request.Path.StartsWithSegments(ApiDocsPath)
                ? context.ConfiguredPolicies[ApiDocsPolicy]
                : context.SelectedPolicy);

    private static void Common(HeaderPolicyCollection policy, Action<ScriptSourceDirectiveBuilder> scripts) =>
        policy
            .AddContentTypeOptionsNoSniff()
            .AddReferrerPolicyStrictOriginWhenCrossOrigin()
            .AddFrameOptionsDeny()
            .AddCrossOriginOpenerPolicy(x => x.SameOrigin())
            .AddContentSecurityPolicy(csp =>
            {
                csp.AddDefaultSrc().Self();
                scripts(csp.AddScriptSrc());
                // MudBlazor positions and colours its components with style attributes (blocked without unsafe-inline).
                csp.AddStyleSrc().Self().UnsafeInline();
                csp.AddImgSrc().Self();
                csp.AddFontSrc().Self();
                csp.AddConnectSrc().Self();
                // canvas-confetti draws off the main thread in a worker it builds from a blob (blocked without blob:).
                csp.AddWorkerSrc().Self().Blob();
                csp.AddMediaSrc().Self();
                csp.AddObjectSrc().None();
                csp.AddBaseUri().Self();
                csp.AddFormAction().Self();
                csp.AddFrameAncestors().None();
            });
}
