using System.Text.Json;
using System.Text.Json.Nodes;
using MilestonesApp.Engine;
using MilestonesApp.Engine.Rules;

namespace MilestonesApp.Components.Admin;

/// <summary>
/// The admin form's model: one field per rule property and per animation option, so nobody types JSON. It builds the
/// definition's JSON from whichever fields the chosen rule type and animation use; the catalog validates the result.
/// </summary>
public sealed class MilestoneDraft
{
    public string Code { get; set; } = "";
    public string Title { get; set; } = "";
    public string Description { get; set; } = "";
    public string Icon { get; set; } = "🏁";
    public string TriggerEvent { get; set; } = EventTypes.WinLogged;
    public string RuleType { get; set; } = CountRule.TypeName;
    public bool IsActive { get; set; } = true;

    public string CountField { get; set; } = StatsCounters.TotalWins;
    public int? Threshold { get; set; }
    public string WindowEvent { get; set; } = EventTypes.WinLogged;
    public int? WindowCount { get; set; }
    public int? WindowDays { get; set; }
    public int? GapDays { get; set; }

    public AnimationKind Animation { get; set; } = AnimationKind.Confetti;
    public int? ParticleCount { get; set; }
    public int? Spread { get; set; }
    public int? StartVelocity { get; set; }

    /// <summary>Confetti colors as typed: '#rrggbb' values separated by commas or spaces.</summary>
    public string Colors { get; set; } = "";

    public string VideoPath { get; set; } = "";

    public string RuleData => RuleType switch
    {
        CountRule.TypeName => Json(("field", CountField), ("threshold", Threshold)),
        WindowCountRule.TypeName => Json(("event", WindowEvent), ("count", WindowCount), ("window_days", WindowDays)),
        ReturnAfterGapRule.TypeName => Json(("gap_days", GapDays)),
        _ => "{}",
    };

    public string? AnimationData => Animation switch
    {
        AnimationKind.Confetti => ConfettiOptions(),
        AnimationKind.Webm => VideoPath.Trim(),
        _ => null,
    };

    public MilestoneDefinition ToDefinition() => new(
        Code.Trim(), Title.Trim(), Description.Trim(), Icon.Trim(), TriggerEvent, RuleType, RuleData, IsActive, Animation, AnimationData);

    /// <summary>A draft holding a stored definition; rule or animation data it cannot read leaves those fields empty.</summary>
    public static MilestoneDraft From(MilestoneDefinition definition)
    {
        var rule = ParseObject(definition.RuleData);
        var confetti = definition.Animation == AnimationKind.Confetti ? ParseObject(definition.AnimationData) : null;
        return new MilestoneDraft
        {
            Code = definition.Code,
            Title = definition.Title,
            Description = definition.Description,
            Icon = definition.Icon,
            TriggerEvent = definition.TriggerEvent,
            RuleType = definition.RuleType,
            IsActive = definition.IsActive,
            CountField = Text(rule, "field") ?? StatsCounters.TotalWins,
            Threshold = Number(rule, "threshold"),
            WindowEvent = Text(rule, "event") ?? EventTypes.WinLogged,
            WindowCount = Number(rule, "count"),
            WindowDays = Number(rule, "window_days"),
            GapDays = Number(rule, "gap_days"),
            Animation = definition.Animation,
            ParticleCount = Number(confetti, "particleCount"),
            Spread = Number(confetti, "spread"),
            StartVelocity = Number(confetti, "startVelocity"),
            Colors = confetti?["colors"] is JsonArray colors ? string.Join(", ", colors.Select(color => color?.ToString())) : "",
            VideoPath = definition.Animation == AnimationKind.Webm ? definition.AnimationData ?? "" : "",
        };
    }

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
    private static string Json(params (string Name, object? Value)[] properties)
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
