using System.Text.Json;
using System.Text.Json.Serialization;

namespace MilestonesApp.Api;

/// <summary>
/// Reads request bodies strictly (no duplicate or unknown properties) and answers malformed ones with the API's own
/// 400, not the framework's bare one: binding is done here rather than by the minimal API's parameter binding. An
/// event's own problems are gathered by <see cref="EventRequestConverter"/> and said by <see cref="ApiProblems.OfEvent"/>. A body
/// past the endpoint's size limit throws <see cref="BadHttpRequestException"/> (413) at the first read, before any of
/// it is parsed; the exception handler answers it.
/// </summary>
internal static class ApiJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        AllowDuplicateProperties = false,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new EventRequestConverter() },
    };

    public static async Task<(T? Body, IDictionary<string, string[]>? Errors)> ReadAsync<T>(
        HttpRequest request, ApiProblems problems, CancellationToken cancellationToken)
        where T : class
    {
        if (!request.HasJsonContentType())
        {
            return (null, problems.Body(problems.NotJson));
        }

        try
        {
            var body = await JsonSerializer.DeserializeAsync<T>(request.Body, Options, cancellationToken);
            return body is null ? (null, problems.Body(problems.BodyNull)) : (body, null);
        }
        catch (JsonException malformed)
        {
            // Said in the API's words, with where: the serializer's own message names the app's internal types.
            return (null, problems.Body(problems.Malformed(malformed)));
        }
    }
}
