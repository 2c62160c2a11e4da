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
            "Other services (a mobile app, a backend, an import) record events and read milestones here. Every call needs " +
            "'Authorization: Bearer <key>' with a key made by 'dotnet MilestonesApp.dll apikey create <name>' or on the admin " +
            "tab's API keys page. Errors are RFC 9457 problem details whose titles follow Accept-Language.";
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
