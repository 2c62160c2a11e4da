using Microsoft.AspNetCore.Http.HttpResults;
using MilestonesApp.Application.Receipts;
using MilestonesApp.Celebrations;
using MilestonesApp.Engine;

namespace MilestonesApp.Api;

/// <summary>The events API for other services: record events, read what a person holds, list the milestones.</summary>
internal static class EventsApi
{
    public const string AuthorizationPolicy = "EventsApi";
    public const int MaxBatchSize = 1_000;

    /// <summary>One event's body: far above the engine's metadata limit, far below what costs the server to refuse.</summary>
    public const long MaxEventBodyBytes = 64 * 1024;

    /// <summary>A batch's body: 1,000 events of about 8 KB each.</summary>
    public const long MaxBatchBodyBytes = 8 * 1024 * 1024;

    public static IEndpointRouteBuilder MapEventsApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1")
            .WithTags("Events API")
            .RequireAuthorization(AuthorizationPolicy)
            .RequirePerKeyLimit()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        api.MapPost("/events", RecordEventAsync)
            .WithName("RecordEvent")
            .Accepts<EventRequest>("application/json")
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(MaxEventBodyBytes))
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .WithEventsApiDocs(EventsApiDocs.RecordEvent);

        api.MapPost("/events/batch", RecordBatchAsync)
            .WithName("RecordEventBatch")
            .Accepts<BatchRequest>("application/json")
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(MaxBatchBodyBytes))
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .WithEventsApiDocs(EventsApiDocs.RecordBatch);

        api.MapGet("/users/{userId}/milestones", ListUserMilestonesAsync)
            .WithName("ListUserMilestones")
            .WithEventsApiDocs(EventsApiDocs.UserMilestones);

        api.MapGet("/milestones", ListMilestonesAsync)
            .WithName("ListMilestones")
            .WithEventsApiDocs(EventsApiDocs.Milestones);

        return endpoints;
    }

    internal static async Task<Results<Ok<EventResponse>, ValidationProblem, ProblemHttpResult>> RecordEventAsync(
        HttpRequest request, EventRecorder recorder, ApiProblems problems, CancellationToken cancellationToken)
    {
        var (body, errors) = await ApiJson.ReadAsync<EventRequest>(request, problems, cancellationToken);
        if (errors is not null)
        {
            return problems.BadRequest(errors);
        }

        return await recorder.RecordAsync(body!, cancellationToken) switch
        {
            RecordOutcome.Recorded recorded => TypedResults.Ok(recorded.Response),
            RecordOutcome.KeyReused reused => problems.Conflict(reused.Detail),
            RecordOutcome.Invalid invalid => problems.BadRequest(invalid.Errors),
            var other => throw new InvalidOperationException($"Unexpected outcome {other}."),
        };
    }

    internal static async Task<Results<Ok<BatchResponse>, ValidationProblem>> RecordBatchAsync(
        HttpRequest request, EventRecorder recorder, ApiProblems problems, CancellationToken cancellationToken)
    {
        var (body, errors) = await ApiJson.ReadAsync<BatchRequest>(request, problems, cancellationToken);
        if (errors is not null)
        {
            return problems.BadRequest(errors);
        }

        if (body!.Events is not { Count: > 0 and <= MaxBatchSize } events)
        {
            return problems.BadRequest(new Dictionary<string, string[]>
            {
                ["events"] = [problems.BatchSize(body.Events?.Count ?? 0)],
            });
        }

        // Refused whole before anything is recorded: a batch is not half-written for a shape it never had.
        var nullItems = Enumerable.Range(0, events.Count).Where(i => events[i] is null).ToList();
        if (nullItems.Count > 0)
        {
            return problems.BadRequest(new Dictionary<string, string[]>
            {
                ["events"] = [.. nullItems.Select(problems.BatchItemNull)],
            });
        }

        // In order, one engine call each: a batch awards exactly what the same events sent one by one would.
        var results = new List<BatchItemResponse>(events.Count);
        foreach (var item in events)
        {
            results.Add(await recorder.RecordAsync(item!, cancellationToken) switch
            {
                RecordOutcome.Recorded recorded => new BatchItemResponse(
                    StatusCodes.Status200OK, recorded.Response.EventId, recorded.Response.Duplicate, recorded.Response.NewlyAwarded),
                RecordOutcome.KeyReused reused => problems.BatchConflict(reused.Detail),
                RecordOutcome.Invalid invalid => problems.BatchBadRequest(invalid.Errors),
                var other => throw new InvalidOperationException($"Unexpected outcome {other}."),
            });
        }

        return TypedResults.Ok(new BatchResponse(results));
    }

    internal static async Task<Results<Ok<UserMilestonesResponse>, ValidationProblem>> ListUserMilestonesAsync(
        string userId, ReceiptService receipts, ApiProblems problems, CancellationToken cancellationToken)
    {
        if (problems.UserIdProblem(userId) is { } problem)
        {
            return problems.BadRequest(new Dictionary<string, string[]> { ["userId"] = [problem] });
        }

        var all = await receipts.ListAsync(userId, cancellationToken);
        var held = all.Where(r => r.IsEarned)
            .Select(r => new HeldMilestoneResponse(r.Code, r.Title, r.Icon, r.AchievedAt!.Value, r.AwardedAt!.Value))
            .ToList();
        var progress = all.Where(r => !r.IsEarned).Select(ProgressOf).ToList();
        var next = WhatsNext.Nearest(all) is { } nearest
            ? new NextMilestoneResponse(nearest.Code, nearest.Title, nearest.Icon, nearest.Progress?.Current, nearest.Progress?.Target)
            : null;
        return TypedResults.Ok(new UserMilestonesResponse(userId, held, progress, next));
    }

    internal static async Task<Ok<IReadOnlyList<MilestoneResponse>>> ListMilestonesAsync(
        IMilestoneCatalog catalog, MilestoneTextLocalizer texts, CancellationToken cancellationToken)
    {
        var definitions = await catalog.ListAsync(cancellationToken);
        IReadOnlyList<MilestoneResponse> active = definitions.Where(d => d.IsActive)
            .Select(d => new MilestoneResponse(
                d.Code, texts.Title(d), texts.Description(d), d.Icon, d.TriggerEvent, d.RuleType,
                System.Text.Json.Nodes.JsonNode.Parse(d.RuleData), d.Animation.ToString()))
            .ToList();
        return TypedResults.Ok(active);
    }

    private static MilestoneProgressResponse ProgressOf(Receipt receipt) =>
        new(receipt.Code, receipt.Title, receipt.Icon, receipt.RuleType, receipt.Progress?.Current, receipt.Progress?.Target)
        {
            Terms = receipt.Progress?.Terms?.ToDictionary(),
        };
}
