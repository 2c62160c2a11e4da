using Microsoft.AspNetCore.Diagnostics;
using MilestonesApp.Api;

namespace MilestonesApp.Hosting;

/// <summary>
/// The error page is a component page, and a failed POST re-executed there would be taken for a form submission of
/// its own, refused for its missing antiforgery token, and answered with an empty 500 (a sign-out without its token
/// did that). The exception handler asks this before it re-executes, so the page is routed and shown as the GET it is.
/// </summary>
internal sealed class ErrorPageAsGet : IExceptionHandler
{
    public ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!ApiProblemDetailsWriter.IsApi(httpContext.Request))
        {
            httpContext.Request.Method = HttpMethods.Get;
        }

        // Not handled: the handler goes on to show the error page.
        return ValueTask.FromResult(false);
    }
}
