using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;

namespace MilestonesApp.Api;

/// <summary>What the OpenAPI document says about one operation: a summary, a description and example bodies.</summary>
internal sealed record OperationDocs(string Summary, string Description, string? RequestExample, string ResponseExample);

/// <summary>The events API's words for its OpenAPI document, kept beside each other so the document reads as one text.</summary>
internal static class EventsApiDocs
{
    /// <summary>
    /// Above each operation that writes, beside the page's "Test Request": a try is a real call, and its events and
    /// awards stay (the engine never deletes either).
    /// </summary>
    private const string TryItWarning =
        "> **Trying this records a real event.** A test request is sent with your key to this app: the event and any " +
        "milestone it awards are stored for that user id and are never removed. Try it with a user id made for testing, " +
        "not a real person's.\n\n";

    /// <summary>Example problems per status, as the API writes them; titles are the English ones (they follow Accept-Language).</summary>
    private static readonly Dictionary<string, string> ProblemExamples = new(StringComparer.Ordinal)
    {
        ["400"] = """
            {"type":"https://tools.ietf.org/html/rfc9110#section-15.5.1","title":"The request is not valid.","status":400,"detail":"The user id is empty. Event type 'Sleep' is unknown; the events are UserLoggedIn, WinLogged, HabitCompleted.","errors":{"userId":["The user id is empty."],"type":["Event type 'Sleep' is unknown; the events are UserLoggedIn, WinLogged, HabitCompleted."]}}
            """,
        ["401"] = """
            {"title":"A valid API key is required.","status":401,"detail":"Send 'Authorization: Bearer <key>' with a live key from 'apikey create' or the admin tab's API keys page."}
            """,
        ["409"] = """
            {"type":"https://tools.ietf.org/html/rfc9110#section-15.5.10","title":"The idempotency key was already used for a different event.","status":409,"detail":"The idempotency key 'mobile-7f3a9c' was already used by user 'user-42' for a different event (event 1017); a retry must send the same type, time and metadata, and a new event needs a new key."}
            """,
        ["413"] = """
            {"title":"Content Too Large","status":413,"detail":"Request body too large. The max request body size is 65536 bytes."}
            """,
        ["429"] = """
            {"title":"Too many requests with this API key.","status":429,"detail":"This key has used its requests for now; retry after 12 seconds."}
            """,
    };

    public static readonly OperationDocs RecordEvent = new(
        "Record one event",
        TryItWarning +
        "Records a login, win or habit completion for a person and answers with the milestones it newly awarded, texts in " +
        "the request's Accept-Language. idempotencyKey is required: sending the same event with the same key again records " +
        "nothing and answers duplicate: true with the original's awards, so retries are safe. The same key with a different " +
        "event is refused with 409. Bad input is refused with 400, one sentence per problem.",
        """
        {"userId":"user-42","type":"WinLogged","occurredAt":"2026-11-29T08:30:00+00:00","idempotencyKey":"mobile-7f3a9c","metadata":{"source":"mobile"}}
        """,
        """
        {"eventId":1017,"duplicate":false,"newlyAwarded":[{"code":"first_win","title":"First win","description":"You logged your very first win. Every story starts somewhere.","icon":"🌱","animation":"Confetti","animationData":null,"achievedAt":"2026-11-29T08:30:00+00:00","awardedAt":"2026-11-29T08:30:01.250+00:00"}]}
        """);

    public static readonly OperationDocs RecordBatch = new(
        "Record up to 1,000 events in order",
        TryItWarning +
        "Records each event in the order given, exactly as if each were sent alone to POST /api/v1/events, so a batch awards " +
        "what the same events one by one would. The answer holds one result per event, in the same order: the single call's " +
        "result with status 200, or a problem (status 400 or 409, title, detail, errors) for an event that was refused; a " +
        "refused event does not stop the others. A batch of no events or more than 1,000 is refused whole with 400.",
        """
        {"events":[{"userId":"user-42","type":"HabitCompleted","occurredAt":"2026-11-28T07:00:00+00:00","idempotencyKey":"import-1"},{"userId":"user-42","type":"Sleep","occurredAt":"2026-11-28T23:00:00+00:00","idempotencyKey":"import-2"}]}
        """,
        """
        {"results":[{"status":200,"eventId":1018,"duplicate":false,"newlyAwarded":[]},{"status":400,"title":"The request is not valid.","detail":"Event type 'Sleep' is unknown; the events are UserLoggedIn, WinLogged, HabitCompleted.","errors":{"event":["Event type 'Sleep' is unknown; the events are UserLoggedIn, WinLogged, HabitCompleted."]}}]}
        """);

    public static readonly OperationDocs UserMilestones = new(
        "What a person holds, and progress toward the rest",
        "The milestones the person holds, each with achievedAt (when its condition first held) and awardedAt (when it was " +
        "granted), and progress toward every other active milestone in its rule's terms: the same figures as the person's " +
        "receipts page. next is the nearest milestone ahead (code, title, icon, current, target: the fewest to go; current and " +
        "target are absent for a return, which is never behind), null when nothing is ahead. Texts follow Accept-Language. " +
        "userId is the opaque id events are recorded under; an unknown one " +
        "holds nothing yet.",
        null,
        """
        {"userId":"user-42","held":[{"code":"first_win","title":"First win","icon":"🌱","achievedAt":"2026-11-29T08:30:00+00:00","awardedAt":"2026-11-29T08:30:01.250+00:00"}],"progress":[{"code":"wins_10","title":"Ten wins","icon":"🏅","ruleType":"count","current":1,"target":10},{"code":"welcome_back_14","title":"Welcome back","icon":"🌤️","ruleType":"return_after_gap","gapDays":14}],"next":{"code":"wins_10","title":"Ten wins","icon":"🏅","current":1,"target":10}}
        """);

    public static readonly OperationDocs Milestones = new(
        "The active milestone definitions",
        "Every active milestone: its code, title and description in the request's Accept-Language (falling back to the " +
        "definition's own text), icon, the event type that triggers it, its rule type and rule data, and its animation.",
        null,
        """
        [{"code":"first_win","title":"First win","description":"You logged your very first win. Every story starts somewhere.","icon":"🌱","triggerEvent":"WinLogged","ruleType":"count","ruleData":{"field":"total_wins","threshold":1},"animation":"Confetti"}]
        """);

    public static RouteHandlerBuilder WithEventsApiDocs(this RouteHandlerBuilder endpoint, OperationDocs docs) => endpoint
        .WithSummary(docs.Summary)
        .WithDescription(docs.Description)
        .AddOpenApiOperationTransformer((operation, _, _) =>
        {
            if (docs.RequestExample is not null && operation.RequestBody?.Content?.TryGetValue("application/json", out var request) == true)
            {
                request.Example = JsonNode.Parse(docs.RequestExample);
            }

            if (operation.Responses?.TryGetValue("200", out var ok) == true && ok.Content?.TryGetValue("application/json", out var response) == true)
            {
                response.Example = JsonNode.Parse(docs.ResponseExample);
            }

            foreach (var (status, example) in ProblemExamples)
            {
                if (operation.Responses?.TryGetValue(status, out var problem) == true
                    && problem.Content?.TryGetValue(ApiProblemDetailsWriter.ContentType, out var body) == true)
                {
                    body.Example = JsonNode.Parse(example);
                }
            }

            return Task.CompletedTask;
        });
}
