using System.Text.Json;
using System.Text.Json.Serialization;

namespace MilestonesApp.Api;

/// <summary>
/// Reads request bodies strictly (no duplicate or unknown properties) and answers malformed ones with the API's own
/// 400, not the framework's bare one: binding is done here rather than by the minimal API's parameter binding. A body
/// past the endpoint's size limit throws <see cref="BadHttpRequestException"/> (413) at the first read, before any of
/// it is parsed; the exception handler answers it.
/// </summary>
internal static class ApiJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        AllowDuplicateProperties = false,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new OffsetRequiredConverter(), new StrictJsonObjectConverter() },
    };

    public static async Task<(T? Body, IDictionary<string, string[]>? Errors)> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        if (!request.HasJsonContentType())
        {
            return (null, Error("The body must be JSON, sent with 'Content-Type: application/json'."));
        }

        try
        {
            var body = await JsonSerializer.DeserializeAsync<T>(request.Body, Options, cancellationToken);
            return body is null ? (null, Error("The body must be a JSON object, not null.")) : (body, null);
        }
        catch (JsonException malformed)
        {
            var where = string.IsNullOrEmpty(malformed.Path) || malformed.Path == "$" ? "" : $" at {malformed.Path}";
            return (null, Error($"The body is not valid JSON of the documented shape{where}: {FirstSentence(malformed.Message)}"));
        }
    }

    private static Dictionary<string, string[]> Error(string sentence) => new() { ["body"] = [sentence] };

    // System.Text.Json appends "Path: ... | LineNumber: ..." to its messages; the path is already named above.
    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(" Path:", StringComparison.Ordinal);
        return end < 0 ? message : message[..end];
    }
}
