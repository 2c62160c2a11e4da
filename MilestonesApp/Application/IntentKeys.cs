using MilestonesApp.Data;
using MilestonesApp.Engine;

namespace MilestonesApp.Application;

/// <summary>
/// The app's idempotency keys name an intent (a form submission, a sign-in, the end of an absence, a habit's day), not
/// one exact event: a repeat reads the clock again, so the engine sees the key reused with another time and refuses
/// it. For these keys that repeat is the duplicate it means, and changes nothing.
/// </summary>
internal static class IntentKeys
{
    public static Task<EngineResult> RecordOnceAsync(this IMilestoneEngine engine, DomainEvent domainEvent, CancellationToken cancellationToken) =>
        OnceAsync(() => engine.RecordAsync(domainEvent, cancellationToken));

    /// <summary>As above, with the action's own rows written in the event's transaction; a refused repeat writes none (its original did).</summary>
    public static Task<EngineResult> RecordOnceAsync(
        this AppWritePath writes, DomainEvent domainEvent, Func<AppDbContext, long, CancellationToken, Task> alongside, CancellationToken cancellationToken) =>
        OnceAsync(() => writes.RecordAsync(domainEvent, alongside, cancellationToken));

    private static async Task<EngineResult> OnceAsync(Func<Task<EngineResult>> record)
    {
        try
        {
            return await record();
        }
        catch (IdempotencyKeyReusedException reused)
        {
            return new EngineResult(reused.OriginalEventId, WasDuplicate: true, []);
        }
    }
}
