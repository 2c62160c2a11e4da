using System.Net;
using System.Text.RegularExpressions;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using MilestonesApp.Tests.Shared;

namespace MilestonesApp.Tests.Api;

/// <summary>/openapi/v1.json is a valid document that explains every operation, and /api/docs serves its page from the app itself.</summary>
public sealed partial class OpenApiDocumentTests(MilestonesAppFactory app) : IClassFixture<MilestonesAppFactory>
{
    [Fact]
    public async Task The_document_is_valid_and_every_operation_has_a_summary_a_description_and_examples()
    {
        using var client = app.CreateClient();
        await using var stream = await client.GetStreamAsync("/openapi/v1.json", TestContext.Current.CancellationToken);

        var (document, diagnostic) = await OpenApiDocument.LoadAsync(stream, "json", new OpenApiReaderSettings(), TestContext.Current.CancellationToken);

        Assert.NotNull(document);
        Assert.Empty(diagnostic!.Errors);
        Assert.Empty(document.Validate(ValidationRuleSet.GetDefaultRuleSet()) ?? []);
        var operations = document.Paths
            .SelectMany(path => path.Value.Operations!.Select(operation => (Route: $"{operation.Key} {path.Key}", Operation: operation.Value)))
            .ToList();
        Assert.Equal(
            ["GET /api/v1/milestones", "GET /api/v1/users/{userId}/milestones", "POST /api/v1/events", "POST /api/v1/events/batch"],
            operations.Select(o => o.Route).Order(StringComparer.Ordinal));
        Assert.All(operations, o =>
        {
            Assert.False(string.IsNullOrWhiteSpace(o.Operation.Summary), $"{o.Route} has no summary");
            Assert.False(string.IsNullOrWhiteSpace(o.Operation.Description), $"{o.Route} has no description");
            Assert.NotNull(o.Operation.Responses!["200"].Content!["application/json"].Example);
            Assert.Contains("401", o.Operation.Responses.Keys);
            Assert.Contains("429", o.Operation.Responses.Keys);
            if (o.Route.StartsWith("POST", StringComparison.Ordinal))
            {
                Assert.NotNull(o.Operation.RequestBody!.Content!["application/json"].Example);
                Assert.Contains("400", o.Operation.Responses.Keys);
            }
        });
        Assert.Equal(SecuritySchemeType.Http, document.Components!.SecuritySchemes!["ApiKey"].Type);
    }

    [Fact]
    public async Task The_docs_page_loads_its_script_from_the_app_not_a_CDN()
    {
        using var client = app.CreateClient();
        var cancellationToken = TestContext.Current.CancellationToken;

        var page = await client.GetStringAsync("/api/docs", cancellationToken);
        var scripts = ScriptSource().Matches(page).Select(m => m.Groups["src"].Value).ToList();

        Assert.NotEmpty(scripts);
        Assert.DoesNotContain("cdn.", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("fonts.", page, StringComparison.OrdinalIgnoreCase);
        foreach (var script in scripts)
        {
            Assert.False(Uri.TryCreate(script, UriKind.Absolute, out var absolute) && absolute.Host != "localhost", $"{script} is fetched from elsewhere");
            using var response = await client.GetAsync(new Uri(new Uri(client.BaseAddress!, "/api/docs/"), script), cancellationToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [GeneratedRegex("<script[^>]*\\bsrc=\"(?<src>[^\"]+)\"")]
    private static partial Regex ScriptSource();
}
