using MilestonesApp.Engine;

namespace MilestonesApp.Api;

/// <summary>
/// Turns an API event into a <see cref="DomainEvent"/> and records it through <see cref="IMilestoneEngine"/>, the only
/// path to the engine's tables. The API first says every problem of the event at once (what is missing, unreadable,
/// or a user id or type the engine would refuse); the engine's own validation then decides the rest.
/// </summary>
internal sealed class EventRecorder(IMilestoneEngine engine, ApiProblems problems)
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
            return new RecordOutcome.Recorded(new EventResponse(result.EventId, result.WasDuplicate, Describe(result.NewlyAwarded)));
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

    // The engine reports both of an award's times, so the answer needs no read of its own.
    private static IReadOnlyList<AwardResponse> Describe(IReadOnlyList<AwardedMilestone> awards) =>
        awards.Count == 0 ? [] : [.. awards.Select(a => new AwardResponse(
            a.Code, a.Title, a.Description, a.Icon, a.Animation.ToString(), a.AnimationData,
            a.AchievedAt ?? throw new InvalidOperationException($"The engine reported {a.Code} without when it was achieved."), a.AwardedAt))];
}
