using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace MilestonesApp.Api;

/// <summary>
/// One event as another service sends it, read by <see cref="EventRequestConverter"/>. Every property is optional here
/// so that each missing one gets its own sentence.
/// </summary>
internal sealed record EventRequest(string? UserId, string? Type, DateTimeOffset? OccurredAt, string? IdempotencyKey, JsonObject? Metadata = null)
{
    /// <summary>The JSON names of the properties every event must have (all but metadata).</summary>
    public static readonly IReadOnlyList<string> Required = ["userId", "type", "occurredAt", "idempotencyKey"];

    /// <summary>The JSON names of an event's properties.</summary>
    public static readonly IReadOnlyList<string> Properties = [.. Required, "metadata"];

    /// <summary>What the body held that is not an event's: each unknown, repeated or misshapen property. Not part of the contract.</summary>
    [JsonIgnore]
    public IReadOnlyList<PropertyProblem> Problems { get; init; } = [];
}

internal enum PropertyProblemKind { Unknown, Twice, NotText, NotDateTime, NotObject, NameTwice }

/// <summary>A property of a body that could not be read as the contract says; <c>Value</c> is its JSON, or the name concerned.</summary>
internal sealed record PropertyProblem(string Property, PropertyProblemKind Kind, string Value);

/// <summary>A batch's events; an item may be null in the JSON, and is refused.</summary>
internal sealed record BatchRequest(IReadOnlyList<EventRequest?>? Events);

/// <summary>An award the event made (or, for a duplicate, that the original made); texts in the request's language.</summary>
internal sealed record AwardResponse(
    string Code, string Title, string Description, string Icon, string Animation, string? AnimationData,
    DateTimeOffset AchievedAt, DateTimeOffset AwardedAt);

internal sealed record EventResponse(long EventId, bool Duplicate, IReadOnlyList<AwardResponse> NewlyAwarded);

/// <summary>
/// One event's outcome in a batch: the fields of <see cref="EventResponse"/> when it was recorded (status 200), or those
/// of a problem (status 400 or 409) when it was refused. Absent fields are left out.
/// </summary>
internal sealed record BatchItemResponse(
    int Status,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? EventId = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? Duplicate = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<AwardResponse>? NewlyAwarded = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Title = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Detail = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IDictionary<string, string[]>? Errors = null);

internal sealed record BatchResponse(IReadOnlyList<BatchItemResponse> Results);

internal sealed record HeldMilestoneResponse(string Code, string Title, string Icon, DateTimeOffset AchievedAt, DateTimeOffset AwardedAt);

/// <summary>
/// Progress toward a milestone not yet held, as its rule tells it: <c>current</c> of <c>target</c> where the rule
/// measures something (<c>count</c>, <c>window_count</c>, <c>all_of</c>), and the rule's own terms beside them
/// (<c>windowDays</c>, <c>gapDays</c>, <c>milestones</c>); a return (<c>return_after_gap</c>) gives only the gap it takes.
/// </summary>
internal sealed record MilestoneProgressResponse(
    string Code, string Title, string Icon, string RuleType,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? Current = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? Target = null)
{
    [JsonExtensionData]
    public IDictionary<string, object>? Terms { get; init; }
}

internal sealed record UserMilestonesResponse(
    string UserId, IReadOnlyList<HeldMilestoneResponse> Held, IReadOnlyList<MilestoneProgressResponse> Progress, NextMilestoneResponse? Next);

/// <summary>The nearest milestone ahead; current and target are absent for a rule that measures nothing (a return).</summary>
internal sealed record NextMilestoneResponse(
    string Code, string Title, string Icon,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? Current = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? Target = null);

internal sealed record MilestoneResponse(
    string Code, string Title, string Description, string Icon, string TriggerEvent, string RuleType, JsonNode? RuleData, string Animation);
