using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using MilestonesApp.Engine;

namespace MilestonesApp.Api;

/// <summary>
/// Reads an event property by property, noting each one that is unknown, named twice or of the wrong kind instead of
/// stopping at the first (the serializer's way), so that one 400 names every problem of the body. A date-time must
/// say its offset: System.Text.Json reads one without it in the server's own time zone, so the same request would
/// mean another moment on another node.
/// </summary>
internal sealed partial class EventRequestConverter : JsonConverter<EventRequest>
{
    public override EventRequest Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException($"An event must be a JSON object, not {document.RootElement.ValueKind}.");
        }

        var problems = new List<PropertyProblem>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        string? userId = null, type = null, idempotencyKey = null;
        DateTimeOffset? occurredAt = null;
        JsonObject? metadata = null;
        foreach (var property in document.RootElement.EnumerateObject())
        {
            var name = EventRequest.Properties.FirstOrDefault(known => string.Equals(known, property.Name, StringComparison.OrdinalIgnoreCase));
            if (!seen.Add(property.Name))
            {
                problems.Add(new(name ?? property.Name, PropertyProblemKind.Twice, property.Name));
                continue;
            }

            var value = property.Value;
            switch (name)
            {
                case null:
                    problems.Add(new(property.Name, PropertyProblemKind.Unknown, property.Name));
                    break;
                case "userId":
                    userId = Text(name, value, problems);
                    break;
                case "type":
                    type = Text(name, value, problems);
                    break;
                case "idempotencyKey":
                    idempotencyKey = Text(name, value, problems);
                    break;
                case "occurredAt":
                    occurredAt = DateTime(name, value, problems);
                    break;
                default:
                    metadata = Object(name, value, problems);
                    break;
            }
        }

        return new EventRequest(userId, type, occurredAt, idempotencyKey, metadata) { Problems = problems };
    }

    // The API only reads events; its answers are other types.
    public override void Write(Utf8JsonWriter writer, EventRequest value, JsonSerializerOptions options) =>
        throw new NotSupportedException("An event request is never written.");

    private static string? Text(string name, JsonElement value, List<PropertyProblem> problems)
    {
        if (value.ValueKind is JsonValueKind.String or JsonValueKind.Null)
        {
            return value.GetString();
        }

        problems.Add(new(name, PropertyProblemKind.NotText, value.GetRawText()));
        return null;
    }

    private static DateTimeOffset? DateTime(string name, JsonElement value, List<PropertyProblem> problems)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String && value.TryGetDateTimeOffset(out var moment) && EndsWithOffset().IsMatch(value.GetString()!))
        {
            return moment;
        }

        problems.Add(new(name, PropertyProblemKind.NotDateTime, value.GetRawText()));
        return null;
    }

    private static JsonObject? Object(string name, JsonElement value, List<PropertyProblem> problems)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            problems.Add(new(name, PropertyProblemKind.NotObject, value.GetRawText()));
            return null;
        }

        // A JsonObject holding a name twice throws wherever it is first enumerated, long after reading: refused here.
        var text = value.GetRawText();
        if (JsonDuplicates.FirstIn(text) is { } duplicate)
        {
            problems.Add(new(name, PropertyProblemKind.NameTwice, duplicate));
            return null;
        }

        return JsonNode.Parse(text)!.AsObject();
    }

    [GeneratedRegex(@"(?:[Zz]|[+-]\d{2}:\d{2})\z")]
    private static partial Regex EndsWithOffset();
}
