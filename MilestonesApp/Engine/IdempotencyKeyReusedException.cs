namespace MilestonesApp.Engine;

/// <summary>
/// An idempotency key already stored for the user was sent again with a different event (type, time or metadata).
/// A retry must repeat the original event exactly; anything else is refused rather than silently treated as a duplicate.
/// </summary>
public sealed class IdempotencyKeyReusedException(string userId, string idempotencyKey, long originalEventId)
    : InvalidOperationException(
        $"The idempotency key '{idempotencyKey}' was already used by user '{userId}' for a different event (event {originalEventId}); " +
        "a retry must send the same type, time and metadata, and a new event needs a new key.")
{
    public string UserId { get; } = userId;

    public string IdempotencyKey { get; } = idempotencyKey;

    public long OriginalEventId { get; } = originalEventId;
}
