using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using System.Text.RegularExpressions;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using MilestonesApp.Engine;
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
    public async Task An_events_required_fields_are_never_null_and_its_type_lists_the_known_event_types()
    {
        var document = await LoadAsync();

        var schema = document.Components!.Schemas!["EventRequest"];
        Assert.Equal(["idempotencyKey", "occurredAt", "type", "userId"], schema.Required!.Order(StringComparer.Ordinal));
        Assert.All(schema.Required!, name => Assert.False(schema.Properties![name].Type!.Value.HasFlag(JsonSchemaType.Null), $"{name} may be null"));
        Assert.Equal(EventTypes.All, schema.Properties!["type"].Enum!.Select(value => value.GetValue<string>()));
        var batch = document.Components.Schemas["BatchRequest"];
        Assert.Contains("events", batch.Required!);
        Assert.False(batch.Properties!["events"].Type!.Value.HasFlag(JsonSchemaType.Null));
    }

    [Fact]
    public async Task Every_answer_is_documented_with_an_example_and_a_reused_key_is_a_409()
    {
        var document = await LoadAsync();

        var recordEvent = document.Paths["/api/v1/events"].Operations![HttpMethod.Post];
        Assert.Equal(["200", "400", "401", "409", "413", "429"], recordEvent.Responses!.Keys.Order(StringComparer.Ordinal));
        foreach (var operation in document.Paths.Values.SelectMany(path => path.Operations!.Values))
        {
            Assert.All(operation.Responses!.Where(response => response.Key != "200"), response =>
                Assert.NotNull(response.Value.Content!["application/problem+json"].Example));
        }
    }

    [Fact]
    public async Task Examples_name_only_milestones_of_the_catalog_with_their_own_texts_and_icons()
    {
        var document = await LoadAsync();
        var catalog = await app.Services.GetRequiredService<IMilestoneCatalog>().ListAsync(TestContext.Current.CancellationToken);

        var named = document.Paths.Values.SelectMany(path => path.Operations!.Values)
            .SelectMany(operation => operation.Responses!.Values.SelectMany(response => response.Content?.Values ?? []))
            .SelectMany(content => Objects(content.Example))
            .Where(example => example["code"] is not null)
            .ToList();

        Assert.NotEmpty(named);
        Assert.All(named, example =>
        {
            var code = example["code"]!.GetValue<string>();
            var definition = Assert.Single(catalog, definition => definition.Code == code);
            Assert.Equal(definition.Title, example["title"]!.GetValue<string>());
            Assert.Equal(definition.Icon, example["icon"]!.GetValue<string>());
            Assert.Equal(definition.Description, example["description"]?.GetValue<string>() ?? definition.Description);
        });
    }

    [Fact]
    public async Task Placeholders_are_written_as_code_and_every_operation_that_writes_warns_that_trying_it_is_real()
    {
        var document = await LoadAsync();
        var operations = document.Paths.Values.SelectMany(path => path.Operations!).ToList();

        // Outside a code span, the page takes <key> for an HTML tag and drops it.
        foreach (var text in operations.Select(o => o.Value.Description!).Prepend(document.Info.Description!))
        {
            Assert.DoesNotMatch("<[a-z]+>", CodeSpan().Replace(text, ""));
        }

        Assert.Contains("`Authorization: Bearer <key>`", document.Info.Description, StringComparison.Ordinal);
        Assert.All(operations.Where(o => o.Key == HttpMethod.Post), o =>
            Assert.Contains("Trying this records a real event.", o.Value.Description, StringComparison.Ordinal));
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

    private async Task<OpenApiDocument> LoadAsync()
    {
        using var client = app.CreateClient();
        await using var stream = await client.GetStreamAsync("/openapi/v1.json", TestContext.Current.CancellationToken);
        var (document, _) = await OpenApiDocument.LoadAsync(stream, "json", new OpenApiReaderSettings(), TestContext.Current.CancellationToken);
        return document!;
    }

    private static IEnumerable<JsonObject> Objects(JsonNode? node) => node switch
    {
        JsonObject item => item.SelectMany(property => Objects(property.Value)).Prepend(item),
        JsonArray items => items.SelectMany(Objects),
        _ => [],
    };

    [GeneratedRegex("`[^`]*`")]
    private static partial Regex CodeSpan();

    [GeneratedRegex("<script[^>]*\\bsrc=\"(?<src>[^\"]+)\"")]
    private static partial Regex ScriptSource();
}
