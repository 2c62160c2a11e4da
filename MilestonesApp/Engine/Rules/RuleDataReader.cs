using System.Text.Json.Nodes;

namespace MilestonesApp.Engine.Rules;

/// <summary>
/// Reads a rule's JSON properties, collecting one readable sentence per problem instead of throwing. Knows the code of
/// the milestone being read and, when it is being saved, the other milestones of the catalog (null when only parsed).
/// </summary>
public sealed class RuleDataReader(
    string ruleType, JsonObject data, ICollection<MilestoneValidationError> errors, string code = "", IReadOnlyCollection<MilestoneDefinition>? catalog = null)
{
    public string RuleType { get; } = ruleType;

    /// <summary>The code of the milestone whose rule this is.</summary>
    public string Code { get; } = code;

    /// <summary>The catalog's other milestones, when the definition is being saved; null when it is only parsed.</summary>
    public IReadOnlyCollection<MilestoneDefinition>? Catalog { get; } = catalog?.Where(m => m.Code != code).ToList();

    /// <summary>Adds a problem with one of the rule's properties: its kind (<see cref="MilestoneValidationCodes"/>) and English sentence.</summary>
    public void AddError(string property, string code, string error, params object[] arguments) =>
        errors.Add(new(MilestoneValidationError.RuleDataField(property), error) { Code = code, Arguments = arguments });

    /// <summary>Adds a problem with the definition's trigger event, which some rule types constrain.</summary>
    public void AddTriggerError(string code, string error) => errors.Add(new(nameof(MilestoneDefinition.TriggerEvent), error) { Code = code });

    /// <summary>Refuses any property the rule type does not define.</summary>
    public void AllowOnly(params string[] properties)
    {
        foreach (var (name, _) in data)
        {
            if (!properties.Contains(name, StringComparer.Ordinal))
            {
                AddError(name, MilestoneValidationCodes.PropertyNotTaken, $"Rule '{RuleType}' does not take the property '{name}'; it takes {string.Join(", ", properties)}.", name);
            }
        }
    }

    public string? RequiredString(string property)
    {
        if (!data.TryGetPropertyValue(property, out var node) || node is null)
        {
            AddError(property, MilestoneValidationCodes.PropertyRequired, $"Rule '{RuleType}' needs the property '{property}'.");
            return null;
        }

        if (node is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text))
        {
            return text;
        }

        AddError(property, MilestoneValidationCodes.PropertyNotText, $"Rule '{RuleType}' property '{property}' must be a non-empty text, not {node.ToJsonString()}.");
        return null;
    }

    /// <summary>A non-empty list of distinct non-empty texts.</summary>
    public IReadOnlyList<string>? RequiredTextList(string property)
    {
        if (!data.TryGetPropertyValue(property, out var node) || node is null)
        {
            AddError(property, MilestoneValidationCodes.PropertyRequired, $"Rule '{RuleType}' needs the property '{property}'.");
            return null;
        }

        var texts = (node as JsonArray)?.Select(item => item is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text) ? text : null).ToList();
        if (texts is null || texts.Count == 0 || texts.Contains(null))
        {
            AddError(property, MilestoneValidationCodes.PropertyNotTextList, $"Rule '{RuleType}' property '{property}' must be a list of one or more non-empty texts, not {node.ToJsonString()}.");
            return null;
        }

        foreach (var twice in texts.GroupBy(text => text, StringComparer.Ordinal).Where(group => group.Count() > 1))
        {
            AddError(property, MilestoneValidationCodes.ListedTwice, $"Rule '{RuleType}' property '{property}' lists '{twice.Key}' more than once.", twice.Key!);
        }

        return texts!;
    }

    /// <summary>A whole number from 1 to <paramref name="maximum"/>, or null (and no problem) when the property is absent.</summary>
    public int? OptionalPositiveInt(string property, int maximum) =>
        data.TryGetPropertyValue(property, out var node) && node is not null ? RequiredPositiveInt(property, maximum) : null;

    public int? RequiredPositiveInt(string property, int maximum)
    {
        if (!data.TryGetPropertyValue(property, out var node) || node is null)
        {
            AddError(property, MilestoneValidationCodes.PropertyRequired, $"Rule '{RuleType}' needs the property '{property}'.");
            return null;
        }

        if (node is JsonValue value && value.TryGetValue<int>(out var number) && number > 0 && number <= maximum)
        {
            return number;
        }

        AddError(property, MilestoneValidationCodes.NumberOutOfRange,
            $"Rule '{RuleType}' property '{property}' must be a whole number from 1 to {maximum}, not {node.ToJsonString()}.", 1, maximum);
        return null;
    }
}
