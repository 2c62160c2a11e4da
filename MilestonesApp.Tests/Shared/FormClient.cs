using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace MilestonesApp.Tests.Shared;

/// <summary>
/// Someone filling in the static account forms over HTTP: cookies kept, redirects not followed, each form's hidden
/// fields (antiforgery token, form name, attempt id) sent back as a browser would.
/// </summary>
public sealed partial class FormClient(WebApplicationFactory<Program> app) : IDisposable
{
    private readonly HttpClient client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Opens the page and submits its form with these fields filled in; the response is the server's answer.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string path, IReadOnlyDictionary<string, string> fields, CancellationToken cancellationToken)
    {
        var form = HiddenFields(await client.GetStringAsync(path, cancellationToken));
        foreach (var (name, value) in fields)
        {
            form[name] = value;
        }

        return await client.PostAsync(path, new FormUrlEncodedContent(form), cancellationToken);
    }

    /// <summary>Headers sent with every request, such as the browser's Accept-Language.</summary>
    public System.Net.Http.Headers.HttpRequestHeaders Headers => client.DefaultRequestHeaders;

    /// <summary>Posts an empty form without opening the page first, as a script hammering the endpoint would.</summary>
    public Task<HttpResponseMessage> PostEmptyAsync(string path, CancellationToken cancellationToken) =>
        client.PostAsync(path, new FormUrlEncodedContent([]), cancellationToken);

    public Task<HttpResponseMessage> OpenAsync(string path, CancellationToken cancellationToken) => client.GetAsync(path, cancellationToken);

    /// <summary>Where a redirect sends the browser, as a path and query.</summary>
    public static string RedirectTarget(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        return location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
    }

    /// <summary>The hidden fields of a page's form (antiforgery token, form name, attempt id), decoded.</summary>
    public static Dictionary<string, string> HiddenFields(string page)
    {
        var form = new Dictionary<string, string>();
        foreach (Match input in HiddenInput().Matches(page))
        {
            form.TryAdd(WebUtility.HtmlDecode(input.Groups["name"].Value), WebUtility.HtmlDecode(input.Groups["value"].Value));
        }

        return form;
    }

    public void Dispose() => client.Dispose();

    [GeneratedRegex("""<input[^>]*type="hidden"[^>]*name="(?<name>[^"]+)"[^>]*value="(?<value>[^"]*)"[^>]*>""")]
    private static partial Regex HiddenInput();
}
