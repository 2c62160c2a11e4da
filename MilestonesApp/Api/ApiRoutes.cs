using Microsoft.AspNetCore.Routing.Template;

namespace MilestonesApp.Api;

/// <summary>
/// The methods the API's routes take at a path. Routing answers a GET of a POST-only path with 404, not 405: the
/// static files' fallback (<c>{**path:file}</c>) is a GET candidate for every path until its constraint drops it. The
/// API's status page asks here, and answers 405 with <c>Allow</c> when another method would have been taken.
/// </summary>
internal sealed class ApiRoutes(EndpointDataSource endpoints)
{
    private readonly Lazy<List<(TemplateMatcher Matcher, IReadOnlyList<string> Methods)>> routes = new(() =>
    [
        .. endpoints.Endpoints.OfType<RouteEndpoint>()
            .Where(endpoint => endpoint.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .Select(endpoint => (Endpoint: endpoint, Methods: endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods))
            .Where(route => route.Methods is { Count: > 0 })
            .Select(route => (new TemplateMatcher(new RouteTemplate(route.Endpoint.RoutePattern), new RouteValueDictionary()), route.Methods!)),
    ]);

    public IReadOnlyList<string> MethodsAt(PathString path) =>
        [.. routes.Value.Where(route => route.Matcher.TryMatch(path, new RouteValueDictionary())).SelectMany(route => route.Methods).Distinct()];
}
