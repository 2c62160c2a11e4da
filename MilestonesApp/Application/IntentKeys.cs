using MilestonesApp.Engine;

namespace MilestonesApp.Application;

/// <summary>
/// The app's idempotency keys name an intent (a form submission, a sign-in, the end of an absence, a habit's day), not
/// one exact event: a repeat reads the clock again, so the engine sees the key reused with another time and refuses
/// it. For these keys that repeat is the duplicate it means, and changes nothing.
/// </summary>
internal static class IntentKeys
{
    public static async Task<EngineResult> RecordOnceAsync(this IMilestoneEngine engine, DomainEvent domainEvent, CancellationToken cancellationToken)
    {
        try
        {
            return await engine.RecordAsync(domainEvent, cancellationToken);
        }
        catch (IdempotencyKeyReusedException reused)
        {
            return new EngineResult(reused.OriginalEventId, WasDuplicate: true, []);
        }
    }
}
