using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace MilestonesApp.Api;

/// <summary>
/// Writes every problem under <c>/api</c> as <c>application/problem+json</c>, whatever the request's <c>Accept</c>
/// header. The framework's own writer refuses a client that does not accept JSON, and its problem service then throws
/// inside whichever middleware was answering (a 401 from authorization became an empty 500); an API client gets JSON.
/// </summary>
internal sealed class ApiProblemDetailsWriter(IOptions<ProblemDetailsOptions> problemOptions, IOptions<JsonOptions> jsonOptions)
    : IProblemDetailsWriter
{
    public const string ContentType = "application/problem+json";

    public bool CanWrite(ProblemDetailsContext context) => IsApi(context.HttpContext.Request);

    /// <summary>Whether the request is the API's (its docs page and OpenAPI document included): its errors are problems.</summary>
    public static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api");

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var response = context.HttpContext.Response;
        problem.Status ??= response.StatusCode;
        problem.Title ??= ReasonPhrases.GetReasonPhrase(problem.Status.Value);
        // A bad request's own sentence is for the client ("Request body too large. The max request body size is
        // 65536 bytes."); any other exception's stays in the log.
        problem.Detail ??= (context.Exception as BadHttpRequestException)?.Message;
        problem.Extensions.TryAdd("traceId", context.HttpContext.TraceIdentifier);
        problemOptions.Value.CustomizeProblemDetails?.Invoke(context);
        return new ValueTask(response.WriteAsJsonAsync(problem, problem.GetType(), jsonOptions.Value.SerializerOptions, ContentType));
    }
}
