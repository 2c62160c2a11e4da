using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace MilestonesApp.Api;

/// <summary>The OpenAPI document's title and description, and the bearer key every events API operation needs.</summary>
internal sealed class EventsApiDocument : IOpenApiDocumentTransformer
{
    public const string SecuritySchemeName = "ApiKey";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "Milestones events API";
        document.Info.Description =
            // Markdown: the placeholders sit in code spans, or the page would read <key> and <name> as HTML tags and drop them.
            "Other services (a mobile app, a backend, an import) record events and read milestones here. Every call needs " +
            "`Authorization: Bearer <key>` with a key made by `dotnet MilestonesApp.dll apikey create <name>` or on the admin " +
            "tab's API keys page. Errors are RFC 9457 problem details whose titles and details follow `Accept-Language` " +
            "(English, Spanish or German).\n\n" +
            "> **Test requests are real.** A request sent from this page records its event for the user id you type, and the " +
            "milestones it awards stay. Use a user id made for testing.";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SecuritySchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "An API key, sent as 'Authorization: Bearer msk_...'.",
        };
        document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SecuritySchemeName, document)] = [] }];
        return Task.CompletedTask;
    }
}
