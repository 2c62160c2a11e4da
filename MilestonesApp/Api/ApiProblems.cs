using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using MilestonesApp.Resources;

namespace MilestonesApp.Api;

/// <summary>
/// The events API's RFC 9457 problems. Titles are in the request's language (request localization has set the UI
/// culture by the time any of these is built); details and per-problem sentences stay as the engine wrote them.
/// </summary>
internal sealed class ApiProblems(IStringLocalizer<AppStrings> L)
{
    /// <summary>The errors' key when the engine refused the event as a whole rather than one property.</summary>
    public const string EventKey = "event";

    public ValidationProblem BadRequest(IDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, Sentences(errors), title: L[Key.Api_Problem_BadRequest]);

    public ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: L[Key.Api_Problem_Conflict]);

    public ProblemDetails Unauthorized() => new()
    {
        Status = StatusCodes.Status401Unauthorized,
        Title = L[Key.Api_Problem_Unauthorized],
        Detail = "Send 'Authorization: Bearer <key>' with a live key from 'apikey create' or the admin tab's API keys page.",
    };

    public ProblemDetails TooManyRequests(TimeSpan? retryAfter) => new()
    {
        Status = StatusCodes.Status429TooManyRequests,
        Title = L[Key.Api_Problem_TooManyRequests],
        Detail = retryAfter is { } wait
            ? $"This key has used its requests for now; retry after {Math.Ceiling(wait.TotalSeconds):0} seconds."
            : "This key has used its requests for now; retry later.",
    };

    public ProblemDetails TooManyFailedAuthentications(TimeSpan wait) => new()
    {
        Status = StatusCodes.Status429TooManyRequests,
        Title = L[Key.Api_Problem_TooManyFailedAuthentications],
        Detail = $"Too many wrong or revoked keys came from this address; no key from it is checked for {RetryAfter.Seconds(wait)} seconds.",
    };

    /// <summary>A refused event inside a batch: the same title and sentences the single call would answer with.</summary>
    public BatchItemResponse BatchBadRequest(IDictionary<string, string[]> errors) =>
        new(StatusCodes.Status400BadRequest, Title: L[Key.Api_Problem_BadRequest], Detail: Sentences(errors), Errors: errors);

    public BatchItemResponse BatchConflict(string detail) =>
        new(StatusCodes.Status409Conflict, Title: L[Key.Api_Problem_Conflict], Detail: detail);

    private static string Sentences(IDictionary<string, string[]> errors) => string.Join(" ", errors.Values.SelectMany(e => e));
}
