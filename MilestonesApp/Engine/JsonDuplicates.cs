using System.Text;
using System.Text.Json;

namespace MilestonesApp.Engine;

/// <summary>
/// Finds a property named twice in one JSON object, so that a definition, a seed file or an event's metadata is refused
/// with a sentence that names it. System.Text.Json's own refusal (<c>AllowDuplicateProperties = false</c> on
/// <see cref="JsonDocumentOptions"/> or <see cref="JsonSerializerOptions"/>) throws a <see cref="JsonException"/> whose
/// only mention of the property is inside its message text, with no path: it cannot say which property without
/// parsing its own English message, so the name is found here.
/// </summary>
internal static class JsonDuplicates
{
    /// <summary>
    /// The first property named twice within one object, or null when there is none. Throws <see cref="JsonException"/>
    /// for text that is not JSON or nests deeper than 64 levels, as the parsers that read it later would.
    /// </summary>
    public static string? FirstIn(string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json), new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        var objects = new Stack<HashSet<string>>();
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    objects.Push(new HashSet<string>(StringComparer.Ordinal));
                    break;
                case JsonTokenType.EndObject:
                    objects.Pop();
                    break;
                case JsonTokenType.PropertyName when !objects.Peek().Add(reader.GetString()!):
                    return reader.GetString();
            }
        }

        return null;
    }
}
