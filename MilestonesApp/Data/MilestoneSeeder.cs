using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MilestonesApp.Data.Entities;
using MilestonesApp.Engine;

namespace MilestonesApp.Data;

/// <summary>
/// Syncs the milestone seed file into the database at start-up: new codes are inserted, entries whose seed text changed
/// are updated, nothing is deleted. A row edited by an admin keeps the edit until its seed entry changes.
/// </summary>
internal sealed class MilestoneSeeder(IDbContextFactory<AppDbContext> dbFactory, IOptions<DatabaseOptions> options)
{
    private static readonly JsonSerializerOptions SeedJson = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectRequiredConstructorParameters = true,
        RespectNullableAnnotations = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        Converters = { new JsonStringEnumConverter<AnimationKind>(allowIntegerValues: false) },
    };

    public async Task SyncAsync(CancellationToken cancellationToken = default)
    {
        var path = Path.GetFullPath(options.Value.SeedFile, AppContext.BaseDirectory);
        var seed = Read(path);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.BeginCatalogChangeAsync(cancellationToken);
        var existing = await db.Milestones.ToDictionaryAsync(m => m.Code, cancellationToken);
        foreach (var (definition, hash) in seed)
        {
            if (!existing.TryGetValue(definition.Code, out var row))
            {
                var added = Milestone.From(definition);
                added.SeedHash = hash;
                db.Milestones.Add(added);
            }
            else if (row.SeedHash != hash)
            {
                row.CopyFrom(definition);
                row.SeedHash = hash;
            }
        }

        await db.SaveCatalogChangesAsync(transaction, cancellationToken);
    }

    /// <summary>Reads and validates the whole file before anything is written; any problem stops start-up naming the file.</summary>
    public static IReadOnlyList<(MilestoneDefinition Definition, string Hash)> Read(string path)
    {
        List<SeedMilestone>? entries;
        try
        {
            var text = File.ReadAllText(path);

            // Checked before deserializing: the serializer would keep the last value, or throw at first access with no name.
            if (JsonDuplicates.FirstIn(text) is { } duplicate)
            {
                throw new InvalidOperationException($"Milestone seed file '{path}' names the property '{duplicate}' more than once in one object.");
            }

            entries = JsonSerializer.Deserialize<List<SeedMilestone>>(text, SeedJson);
        }
        catch (Exception exception) when (exception is JsonException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"Milestone seed file '{path}' could not be read: {exception.Message}", exception);
        }

        if (entries is null || entries.Count == 0)
        {
            throw new InvalidOperationException($"Milestone seed file '{path}' holds no milestones; it must be a JSON array of definitions.");
        }

        var problems = new List<string>();
        var seed = new List<(MilestoneDefinition, string)>();
        var definitions = entries.ConvertAll(entry => entry.ToDefinition());
        foreach (var (definition, index) in definitions.Select((definition, index) => (definition, index)))
        {
            var errors = new List<string>();
            MilestoneDefinitionValidator.Validate(definition, errors, definitions);
            if (seed.Any(s => s.Item1.Code == definition.Code))
            {
                errors.Add($"Code '{definition.Code}' appears more than once.");
            }

            problems.AddRange(errors.Select(error => $"entry {index + 1} ('{definition.Code}'): {error}"));
            seed.Add((definition, Hash(definition)));
        }

        return problems.Count == 0
            ? seed
            : throw new InvalidOperationException($"Milestone seed file '{path}' is invalid: {string.Join(" ", problems)}");
    }

    private static string Hash(MilestoneDefinition definition) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(definition))));

    private sealed record SeedMilestone(
        string Code,
        string Title,
        string Description,
        string Icon,
        string Trigger,
        string RuleType,
        JsonObject Rule,
        bool IsActive = true,
        AnimationKind Animation = AnimationKind.Confetti,
        JsonNode? AnimationData = null)
    {
        public MilestoneDefinition ToDefinition() => new(
            Code,
            Title,
            Description,
            Icon,
            Trigger,
            RuleType,
            Rule.ToJsonString(),
            IsActive,
            Animation,
            AnimationData switch
            {
                null => null,
                JsonValue value when value.TryGetValue<string>(out var text) => text,
                _ => AnimationData.ToJsonString(),
            });
    }
}
