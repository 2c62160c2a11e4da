namespace MilestonesApp.Hosting;

/// <summary>
/// The response headers every page carries. The Content-Security-Policy is what the Playwright journeys proved the
/// app needs, and no more: they fail on any violation in the console.
/// </summary>
internal static class SecurityHeaders
{
    public static HeaderPolicyCollection Policy() =>
        new HeaderPolicyCollection()
            .AddContentTypeOptionsNoSniff()
            .AddReferrerPolicyStrictOriginWhenCrossOrigin()
            .AddFrameOptionsDeny()
            .AddCrossOriginOpenerPolicy(x => x.SameOrigin())
            .AddContentSecurityPolicy(csp =>
            {
                csp.AddDefaultSrc().Self();
                // Blazor's import map is the one inline script; it carries the request's nonce. No eval anywhere.
                csp.AddScriptSrc().Self().WithNonce();
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
