using Microsoft.EntityFrameworkCore;
using MilestonesApp.Data;
using MilestonesApp.Engine;

namespace MilestonesApp.Api;

/// <summary>
/// Turns an API event into a <see cref="DomainEvent"/> and records it through <see cref="IMilestoneEngine"/>, the only
/// path to the engine's tables. The API first says every problem of the event at once (what is missing, unreadable,
/// or a user id or type the engine would refuse); the engine's own validation then decides the rest.
/// </summary>
internal sealed class EventRecorder(IMilestoneEngine engine, IDbContextFactory<AppDbContext> dbFactory, ApiProblems problems)
{
    public async Task<RecordOutcome> RecordAsync(EventRequest request, CancellationToken cancellationToken)
    {
        var invalid = problems.OfEvent(request);
        if (invalid.Count > 0)
        {
            return new RecordOutcome.Invalid(invalid);
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
            return new RecordOutcome.KeyReused(problems.KeyReused(reused));
        }
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
