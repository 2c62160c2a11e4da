using Microsoft.AspNetCore.Diagnostics;
using MilestonesApp.Api;

namespace MilestonesApp.Hosting;

public static class ErrorHandlingExtensions
{
    /// <summary>The error page is shown as a GET, whatever the failed request was (<see cref="ErrorPageAsGet"/>).</summary>
    public static IHostApplicationBuilder AddMilestonesErrorHandling(this IHostApplicationBuilder builder)
    {
        builder.Services.AddExceptionHandler<ErrorPageAsGet>();
        return builder;
    }

    /// <summary>
    /// First in the pipeline, so that an error anywhere after it (forwarded headers, authentication, the rate limiter,
    /// an endpoint) is answered. Under <c>/api</c> every error is a problem (JSON, whatever <c>Accept</c> says); the
    /// pages show the error and not-found pages. A <see cref="BadHttpRequestException"/> keeps its own status (413 for
    /// a body past its limit, 400 for a malformed request), not a 500.
    /// </summary>
    public static WebApplication UseMilestonesErrorHandling(this WebApplication app)
    {
        // The pages' handlers come first, on the app itself: a branch has no routing of its own to re-execute a page
        // with. The API's, inside them, answer its requests before the pages' see them.
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler(new ExceptionHandlerOptions
            {
                ExceptionHandlingPath = "/Error",
                CreateScopeForErrors = true,
                StatusCodeSelector = StatusCodeOf,
                SuppressDiagnosticsCallback = IsClientError,
            });
        }

        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.Use(StatusPageAsGet);

        // No path: the exception handler and the status code pages write a problem (ApiProblemDetailsWriter).
        app.UseWhen(IsApi, api => api
            .UseExceptionHandler(new ExceptionHandlerOptions
            {
                StatusCodeSelector = StatusCodeOf,
                SuppressDiagnosticsCallback = IsClientError,
            })
            .UseStatusCodePages(ApiStatusPageAsync));

        return app;
    }

    /// <summary>
    /// The status code page is a component page too: a re-executed POST (a sign-out refused for its missing
    /// antiforgery token) would be taken for a form of its own and refused again, with an empty 500.
    /// </summary>
    private static Task StatusPageAsGet(HttpContext context, RequestDelegate next)
    {
        if (context.Features.Get<IStatusCodeReExecuteFeature>() is not null)
        {
            context.Request.Method = HttpMethods.Get;
        }

        return next(context);
    }

    /// <summary>
    /// An API status without a body (404, 405, 413...) as a problem. A 404 of a path another method takes is a 405,
    /// and a 405's <c>Allow</c> names the API's methods alone (routing's also names the static files' GET and HEAD).
    /// </summary>
    private static async Task ApiStatusPageAsync(StatusCodeContext status)
    {
        var context = status.HttpContext;
        if (context.Response.StatusCode is StatusCodes.Status404NotFound or StatusCodes.Status405MethodNotAllowed
            && context.RequestServices.GetRequiredService<ApiRoutes>().MethodsAt(context.Request.Path) is { Count: > 0 } allowed)
        {
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            context.Response.Headers.Allow = string.Join(", ", allowed);
        }

        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(
            new ProblemDetailsContext { HttpContext = context, ProblemDetails = { Status = context.Response.StatusCode } });
    }

    private static bool IsApi(HttpContext context) => ApiProblemDetailsWriter.IsApi(context.Request);

    private static int StatusCodeOf(Exception exception) =>
        exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError;

    // A client's mistake (a body too large, a form without its antiforgery token) is not the app's error to log.
    private static bool IsClientError(ExceptionHandlerSuppressDiagnosticsContext context) => context.Exception is BadHttpRequestException;
}
