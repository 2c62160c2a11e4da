using System.Text.Json.Nodes;

namespace MilestonesApp.Engine.Storage;

/// <summary>An event as stored under an idempotency key, to tell a retry from a different event reusing the key.</summary>
internal sealed record StoredEvent(long Id, string EventType, DateTimeOffset OccurredAt, string? Metadata)
{
    /// <summary>
    /// Whether the event is this one again: the same type, the same time to the stored millisecond, and metadata equal
    /// as JSON values (property order and whitespace aside; numbers by value), or absent both times.
    /// </summary>
    public bool IsRepeatedBy(DomainEvent domainEvent, string? metadata) =>
        domainEvent.EventType == EventType
        && domainEvent.OccurredAt.ToUnixTimeMilliseconds() == OccurredAt.ToUnixTimeMilliseconds()
        && (Metadata is null || metadata is null
            ? Metadata is null && metadata is null
            : JsonNode.DeepEquals(JsonNode.Parse(Metadata), JsonNode.Parse(metadata)));
}
