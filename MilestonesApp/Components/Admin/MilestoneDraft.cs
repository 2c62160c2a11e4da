using System.Text.Json;
using System.Text.Json.Nodes;
using MilestonesApp.Data;
using MilestonesApp.Engine;
using MilestonesApp.Engine.Rules;

namespace MilestonesApp.Components.Admin;

/// <summary>
/// The admin form's model: one value per rule property (as the rule type lists its parameters) and per animation
/// option, so nobody types JSON. It builds the definition's JSON from the chosen rule type's parameters and the chosen
/// animation's options; the catalog validates the result.
/// </summary>
public sealed class MilestoneDraft
{
    public string Code { get; set; } = "";
    public string Title { get; set; } = "";
    public string Description { get; set; } = "";
    public string Icon { get; set; } = "🏁";
    public string TriggerEvent { get; set; } = EventTypes.WinLogged;
    public string RuleType { get; set; } = RuleTypes.Names.First();

    /// <summary>A new milestone starts as a draft: nobody earns it until an admin makes it go live.</summary>
    public MilestoneState State { get; set; } = MilestoneState.Draft;

    // The rule properties as typed, by JSON name; kept across rule types, so switching back loses nothing.
    private readonly Dictionary<string, object?> rule = new(StringComparer.Ordinal);

    public AnimationKind Animation { get; set; } = AnimationKind.Confetti;
    public int? ParticleCount { get; set; }
    public int? Spread { get; set; }
    public int? StartVelocity { get; set; }

    /// <summary>Confetti colors as typed: '#rrggbb' values separated by commas or spaces.</summary>
    public string Colors { get; set; } = "";

    public string VideoPath { get; set; } = "";

    /// <summary>The title and description typed per culture offered; a culture left blank sees the default texts.</summary>
    public IReadOnlyDictionary<string, TranslationDraft> Translations { get; } =
        MilestoneTranslation.Cultures.ToDictionary(culture => culture, _ => new TranslationDraft(), StringComparer.Ordinal);

    public string RuleData => Json(RuleTypes.ParametersOf(RuleType).Select(parameter => (parameter.Name, Value(parameter))));

    /// <summary>A number property, null when empty.</summary>
    public int? Number(string property) => rule.GetValueOrDefault(property) as int?;

    /// <summary>A counter or event property: what was chosen, else the first choice the form offers.</summary>
    public string Choice(RuleParameter parameter) => rule.GetValueOrDefault(parameter.Name) as string ?? parameter.Kind switch
    {
        RuleParameterKind.Counter => StatsCounters.TotalWins,
        _ => EventTypes.WinLogged,
    };

    /// <summary>A list-of-milestones property.</summary>
    public IReadOnlyCollection<string> Codes(string property) => rule.GetValueOrDefault(property) as IReadOnlyCollection<string> ?? [];

    /// <summary>Sets a rule property: an <c>int?</c>, a text or a list of codes.</summary>
    public MilestoneDraft Set(string property, object? value)
    {
        rule[property] = value;
        return this;
    }

    public string? AnimationData => Animation switch
    {
        AnimationKind.Confetti => ConfettiOptions(),
        AnimationKind.Webm => VideoPath.Trim(),
        _ => null,
    };

    public MilestoneDefinition ToDefinition() => new(
        Code.Trim(), Title.Trim(), Description.Trim(), Icon.Trim(), TriggerEvent, RuleType, RuleData, State == MilestoneState.Live, Animation, AnimationData) { State = State };

    /// <summary>The translations typed, trimmed; a culture whose two fields are blank has none.</summary>
    public IReadOnlyList<MilestoneTranslation> ToTranslations() =>
    [
        .. Translations.Where(entry => !entry.Value.IsBlank)
            .Select(entry => new MilestoneTranslation(entry.Key, entry.Value.Title.Trim(), entry.Value.Description.Trim())),
    ];

    /// <summary>
    /// A draft holding a stored definition and its saved translations; rule or animation data it cannot read leaves
    /// those fields empty.
    /// </summary>
    public static MilestoneDraft From(MilestoneDefinition definition, IEnumerable<MilestoneTranslation>? translations = null)
    {
        var rule = ParseObject(definition.RuleData);
        var confetti = definition.Animation == AnimationKind.Confetti ? ParseObject(definition.AnimationData) : null;
        var draft = new MilestoneDraft
        {
            Code = definition.Code,
            Title = definition.Title,
            Description = definition.Description,
            Icon = definition.Icon,
            TriggerEvent = definition.TriggerEvent,
            RuleType = definition.RuleType,
            State = definition.State,
            Animation = definition.Animation,
            ParticleCount = Number(confetti, "particleCount"),
            Spread = Number(confetti, "spread"),
            StartVelocity = Number(confetti, "startVelocity"),
            Colors = confetti?["colors"] is JsonArray colors ? string.Join(", ", colors.Select(color => color?.ToString())) : "",
            VideoPath = definition.Animation == AnimationKind.Webm ? definition.AnimationData ?? "" : "",
        };
        foreach (var translation in translations ?? [])
        {
            if (draft.Translations.TryGetValue(translation.Culture, out var typed))
            {
                typed.Title = translation.Title;
                typed.Description = translation.Description;
            }
        }

        foreach (var parameter in RuleTypes.ParametersOf(definition.RuleType))
        {
            draft.rule[parameter.Name] = parameter.Kind switch
            {
                RuleParameterKind.Counter or RuleParameterKind.Event => Text(rule, parameter.Name),
                RuleParameterKind.Milestones => rule?[parameter.Name] is JsonArray codes ? codes.Select(code => code?.ToString() ?? "").ToList() : null,
                _ => Number(rule, parameter.Name),
            };
        }

        return draft;
    }

    private object? Value(RuleParameter parameter) => parameter.Kind switch
    {
        RuleParameterKind.Counter or RuleParameterKind.Event => Choice(parameter),
        RuleParameterKind.Milestones => Codes(parameter.Name) is { Count: > 0 } codes ? codes : null,
        _ => Number(parameter.Name),
    };

    private string? ConfettiOptions()
    {
        var options = new JsonObject();
        Add(options, "particleCount", ParticleCount);
        Add(options, "spread", Spread);
        Add(options, "startVelocity", StartVelocity);
        var colors = Colors.Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (colors.Length > 0)
        {
            options["colors"] = new JsonArray(colors.Select(color => (JsonNode?)JsonValue.Create(color)).ToArray());
        }

        return options.Count == 0 ? null : options.ToJsonString();
    }

    // A property left empty is left out, so the catalog says which one is missing.
    private static string Json(IEnumerable<(string Name, object? Value)> properties)
    {
        var data = new JsonObject();
        foreach (var (name, value) in properties)
        {
            switch (value)
            {
                case string text:
                    data[name] = text;
                    break;
                case int number:
                    data[name] = number;
                    break;
                case IReadOnlyCollection<string> codes:
                    data[name] = new JsonArray([.. codes.Select(code => (JsonNode?)JsonValue.Create(code))]);
                    break;
            }
        }

        return data.ToJsonString();
    }

    private static void Add(JsonObject options, string name, int? value)
    {
        if (value is { } number)
        {
            options[name] = number;
        }
    }

    private static JsonObject? ParseObject(string? json)
    {
        try
        {
            return string.IsNullOrWhiteSpace(json) ? null : JsonNode.Parse(json) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonObject? data, string name) =>
        data?[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static int? Number(JsonObject? data, string name) =>
        data?[name] is JsonValue value && value.TryGetValue<int>(out var number) ? number : null;
}

/// <summary>One culture's title and description as typed in the admin form.</summary>
public sealed class TranslationDraft
{
    public string Title { get; set; } = "";
    public string Description { get; set; } = "";

    public bool IsBlank => string.IsNullOrWhiteSpace(Title) && string.IsNullOrWhiteSpace(Description);
}
