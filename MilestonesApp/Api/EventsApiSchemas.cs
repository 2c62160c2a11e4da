using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using MilestonesApp.Engine;

namespace MilestonesApp.Api;

/// <summary>
/// The request bodies as the contract states them. <see cref="EventRequest"/>'s properties are nullable in C# only so
/// that each missing one gets its own sentence; to a client they are required and never null, and <c>type</c> is one
/// of the known event types.
/// </summary>
internal sealed class EventsApiSchemas : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonTypeInfo.Type == typeof(EventRequest))
        {
            foreach (var property in EventRequest.Required)
            {
                Require(schema, property);
            }

            if (schema.Properties is { } properties && properties.TryGetValue("type", out var found) && found is OpenApiSchema type)
            {
                type.Enum = [.. EventTypes.All.Select(eventType => (JsonNode)JsonValue.Create(eventType))];
            }
        }
        else if (context.JsonTypeInfo.Type == typeof(BatchRequest))
        {
            Require(schema, "events");
        }

        return Task.CompletedTask;
    }

    private static void Require(OpenApiSchema schema, string property)
    {
        (schema.Required ??= new HashSet<string>(StringComparer.Ordinal)).Add(property);
        if (schema.Properties is { } properties && properties.TryGetValue(property, out var found) && found is OpenApiSchema { Type: { } type } value)
        {
            value.Type = type & ~JsonSchemaType.Null;
        }
    }
}
