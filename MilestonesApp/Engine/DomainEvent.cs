using System.Text.Json.Nodes;

namespace MilestonesApp.Engine;

/// <summary>Something a person did. Events are append-only: stats and awards derive from them.</summary>
public sealed record DomainEvent(
    string UserId,
    string EventType,
    DateTimeOffset OccurredAt,
    JsonObject? Metadata = null,
    string? IdempotencyKey = null);
