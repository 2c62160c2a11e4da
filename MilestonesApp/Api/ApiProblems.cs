using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using MilestonesApp.Engine;
using MilestonesApp.Resources;

namespace MilestonesApp.Api;

/// <summary>
/// The events API's RFC 9457 problems and their sentences, in the request's language (request localization has set the
/// UI culture by the time any of these is built). Only what the engine itself refuses (times out of range, a key or
/// metadata it will not store) keeps the engine's English.
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
        Detail = L[Key.Api_Detail_Unauthorized],
    };

    public ProblemDetails TooManyRequests(TimeSpan? retryAfter) => new()
    {
        Status = StatusCodes.Status429TooManyRequests,
        Title = L[Key.Api_Problem_TooManyRequests],
        Detail = retryAfter is { } wait
            ? L[Key.Api_Detail_TooManyRequestsFor, Math.Ceiling(wait.TotalSeconds)]
            : L[Key.Api_Detail_TooManyRequests],
    };

    public ProblemDetails TooManyFailedAuthentications(TimeSpan wait) => new()
    {
        Status = StatusCodes.Status429TooManyRequests,
        Title = L[Key.Api_Problem_TooManyFailedAuthentications],
        Detail = L[Key.Api_Detail_TooManyFailedAuthentications, RetryAfter.Seconds(wait)],
    };

    /// <summary>A refused event inside a batch: the same title and sentences the single call would answer with.</summary>
    public BatchItemResponse BatchBadRequest(IDictionary<string, string[]> errors) =>
        new(StatusCodes.Status400BadRequest, Title: L[Key.Api_Problem_BadRequest], Detail: Sentences(errors), Errors: errors);

    public BatchItemResponse BatchConflict(string detail) =>
        new(StatusCodes.Status409Conflict, Title: L[Key.Api_Problem_Conflict], Detail: detail);

    /// <summary>Every problem of one event at once: what could not be read, what is missing, whose user id or type is wrong.</summary>
    public Dictionary<string, string[]> OfEvent(EventRequest request)
    {
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Add(string property, string sentence) => (errors.TryGetValue(property, out var sentences) ? sentences : errors[property] = []).Add(sentence);

        foreach (var problem in request.Problems)
        {
            Add(problem.Property, Sentence(problem));
        }

        // A property that could not be read already has its sentence; one that could is checked as the engine would.
        if (!errors.ContainsKey("userId") && (request.UserId is null ? L[Key.Api_Detail_UserIdRequired].Value : UserIdProblem(request.UserId)) is { } userId)
        {
            Add("userId", userId);
        }

        if (!errors.ContainsKey("type") && TypeProblem(request.Type) is { } type)
        {
            Add("type", type);
        }

        if (request.OccurredAt is null && !errors.ContainsKey("occurredAt"))
        {
            Add("occurredAt", L[Key.Api_Detail_OccurredAtRequired]);
        }

        if (string.IsNullOrWhiteSpace(request.IdempotencyKey) && !errors.ContainsKey("idempotencyKey"))
        {
            Add("idempotencyKey", L[Key.Api_Detail_IdempotencyKeyRequired]);
        }

        return errors.ToDictionary(error => error.Key, error => error.Value.ToArray(), StringComparer.Ordinal);
    }

    /// <summary>
    /// The sentence refusing a user id (in a body or a path) as the engine would, or null when it would take it: a read
    /// cannot be sent what a write refuses (a 5,000-character id, a newline).
    /// </summary>
    public string? UserIdProblem(string userId) =>
        string.IsNullOrWhiteSpace(userId) ? L[Key.Api_Detail_UserIdEmpty]
        : userId.Length > DomainEventValidator.MaxUserIdLength ? L[Key.Api_Detail_UserIdTooLong, userId.Length, DomainEventValidator.MaxUserIdLength]
        : OpaqueText.Problem(userId) is { } problem ? $"The user id {problem}."
        : null;

    public string KeyReused(IdempotencyKeyReusedException reused) =>
        L[Key.Api_Detail_KeyReused, reused.IdempotencyKey, reused.UserId, reused.OriginalEventId];

    public Dictionary<string, string[]> Body(string sentence) => new(StringComparer.Ordinal) { ["body"] = [sentence] };

    public string NotJson => L[Key.Api_Detail_NotJson];

    public string BodyNull => L[Key.Api_Detail_BodyNull];

    public string Malformed(System.Text.Json.JsonException malformed) =>
        L[Key.Api_Detail_Malformed, malformed.Path ?? "$", (malformed.LineNumber ?? 0) + 1, (malformed.BytePositionInLine ?? 0) + 1];

    public string BatchSize(int count) => L[Key.Api_Detail_BatchSize, EventsApi.MaxBatchSize, count];

    public string BatchItemNull(int index) => L[Key.Api_Detail_BatchItemNull, index];

    private string? TypeProblem(string? type)
    {
        var events = string.Join(", ", EventTypes.All);
        return type is null ? L[Key.Api_Detail_TypeRequired, events].Value
            : EventTypes.IsKnown(type) ? null
            : L[Key.Api_Detail_UnknownType, type, events].Value;
    }

    private string Sentence(PropertyProblem problem) => problem.Kind switch
    {
        PropertyProblemKind.Unknown => L[Key.Api_Detail_UnknownProperty, problem.Value, string.Join(", ", EventRequest.Properties)],
        PropertyProblemKind.Twice => L[Key.Api_Detail_PropertyTwice, problem.Value],
        PropertyProblemKind.NotText => L[Key.Api_Detail_NotText, problem.Property, problem.Value],
        PropertyProblemKind.NotDateTime => L[Key.Api_Detail_NotDateTime, problem.Property, problem.Value],
        PropertyProblemKind.NotObject => L[Key.Api_Detail_NotObject, problem.Property, problem.Value],
        _ => L[Key.Api_Detail_NameTwice, problem.Property, problem.Value],
    };

    private static string Sentences(IDictionary<string, string[]> errors) => string.Join(" ", errors.Values.SelectMany(e => e));
}
