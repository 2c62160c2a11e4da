using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using MilestonesApp.Engine;

namespace MilestonesApp.Api;

/// <summary>
/// Reads a JSON object (an event's metadata) refusing a property named twice at any depth. System.Text.Json's own
/// <c>AllowDuplicateProperties = false</c> does not reach a <see cref="JsonObject"/>: it reads one lazily, and the
/// duplicate then throws <see cref="ArgumentException"/> wherever the object is first enumerated, long after binding.
/// </summary>
internal sealed class StrictJsonObjectConverter : JsonConverter<JsonObject>
{
    public override JsonObject Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException($"Expected a JSON object, not {document.RootElement.ValueKind}.");
        }

        var text = document.RootElement.GetRawText();
        return JsonDuplicates.FirstIn(text) is { } duplicate
            ? throw new JsonException($"The object names the property '{duplicate}' more than once.")
            : JsonNode.Parse(text)!.AsObject();
    }

    public override void Write(Utf8JsonWriter writer, JsonObject value, JsonSerializerOptions options) => value.WriteTo(writer, options);
}
