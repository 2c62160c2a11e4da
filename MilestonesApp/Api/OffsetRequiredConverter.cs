using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace MilestonesApp.Api;

/// <summary>
/// A date-time the API reads must say its offset. System.Text.Json reads one without an offset in the server's own
/// time zone, so the same request would mean another moment on another node or after a move to another region.
/// </summary>
internal sealed partial class OffsetRequiredConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String && reader.TryGetDateTimeOffset(out var value) && EndsWithOffset().IsMatch(reader.GetString()!))
        {
            return value;
        }

        throw new JsonException("A date-time must be ISO 8601 with an offset, such as 2026-11-29T08:30:00Z or 2026-11-29T09:30:00+01:00.");
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) => writer.WriteStringValue(value);

    [GeneratedRegex(@"(?:[Zz]|[+-]\d{2}:\d{2})\z")]
    private static partial Regex EndsWithOffset();
}
