using Microsoft.EntityFrameworkCore;
using MilestonesApp.Data;
using MilestonesApp.Engine;

namespace MilestonesApp.Api;

/// <summary>
/// Turns an API event into a <see cref="DomainEvent"/> and records it through <see cref="IMilestoneEngine"/>, the only
/// path to the engine's tables. The engine's own validation decides what is bad input; the API adds only that
/// every property is present, since its callers retry over networks and need the idempotency key.
/// </summary>
internal sealed class EventRecorder(IMilestoneEngine engine, IDbContextFactory<AppDbContext> dbFactory)
{
    public async Task<RecordOutcome> RecordAsync(EventRequest request, CancellationToken cancellationToken)
    {
        var missing = MissingProperties(request);
        if (missing.Count > 0)
        {
            return new RecordOutcome.Invalid(missing);
        }

        try
        {
            var result = await engine.RecordAsync(
                new DomainEvent(request.UserId!, request.Type!, request.OccurredAt!.Value, request.Metadata, request.IdempotencyKey),
                cancellationToken);
            var awards = await DescribeAsync(request.UserId!, result.NewlyAwarded, cancellationToken);
            return new RecordOutcome.Recorded(new EventResponse(result.EventId, result.WasDuplicate, awards));
        }
        catch (InvalidDomainEventException refused)
        {
            return new RecordOutcome.Invalid(new Dictionary<string, string[]> { [ApiProblems.EventKey] = [.. refused.Errors] });
        }
        catch (IdempotencyKeyReusedException reused)
        {
            return new RecordOutcome.KeyReused(reused.Message);
        }
    }

    private static Dictionary<string, string[]> MissingProperties(EventRequest request)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (request.UserId is null)
        {
            errors["userId"] = ["userId is required: the opaque id of the person the event is about."];
        }

        if (request.Type is null)
        {
            errors["type"] = [$"type is required: one of {string.Join(", ", EventTypes.All)}."];
        }

        if (request.OccurredAt is null)
        {
            errors["occurredAt"] = ["occurredAt is required: when it happened, as an ISO 8601 date-time with an offset."];
        }

        if (string.IsNullOrWhiteSpace(request.IdempotencyKey))
        {
            errors["idempotencyKey"] = ["idempotencyKey is required: the same key sent again records the event once, so retries are safe."];
        }

        return errors;
    }

    // The engine reports when each award was granted; a receipt's other time, when its condition first held, is on the award's row.
    private async Task<IReadOnlyList<AwardResponse>> DescribeAsync(string userId, IReadOnlyList<AwardedMilestone> awards, CancellationToken cancellationToken)
    {
        if (awards.Count == 0)
        {
            return [];
        }

        var codes = awards.Select(a => a.Code).ToList();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var achievedAt = await db.UserMilestones.AsNoTracking()
            .Where(a => a.UserId == userId && codes.Contains(a.Milestone!.Code))
            .Select(a => new { a.Milestone!.Code, a.AchievedAt })
            .ToDictionaryAsync(a => a.Code, a => a.AchievedAt, cancellationToken);
        return awards.Select(a => new AwardResponse(
            a.Code, a.Title, a.Description, a.Icon, a.Animation.ToString(), a.AnimationData, achievedAt[a.Code], a.AwardedAt)).ToList();
    }
}
