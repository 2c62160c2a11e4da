using System.Text.Json;
using System.Text.Json.Nodes;

namespace MilestonesApp.Engine.Rules;

/// <summary>The registry of rule types: adding one is a class in this folder and a line here.</summary>
public static class RuleTypes
{
    private delegate IMilestoneRule? Parser(RuleDataReader data, string triggerEvent);

    private static readonly Dictionary<string, Parser> Parsers = new(StringComparer.Ordinal)
    {
        [CountRule.TypeName] = CountRule.Parse,
        [WindowCountRule.TypeName] = WindowCountRule.Parse,
        [ReturnAfterGapRule.TypeName] = ReturnAfterGapRule.Parse,
    };

    public static IReadOnlyCollection<string> Names => Parsers.Keys;

    /// <summary>Parses rule data for a rule type; returns null and adds the problems to <paramref name="errors"/> when it cannot.</summary>
    public static IMilestoneRule? Parse(string? ruleType, string? triggerEvent, string? ruleData, ICollection<MilestoneValidationError> errors)
    {
        if (string.IsNullOrWhiteSpace(ruleType) || !Parsers.TryGetValue(ruleType, out var parse))
        {
            errors.Add(new(nameof(MilestoneDefinition.RuleType), $"Rule type '{ruleType}' is unknown; the rule types are {string.Join(", ", Names)}.") { Code = MilestoneValidationCodes.RuleTypeUnknown });
            return null;
        }

        if (string.IsNullOrWhiteSpace(ruleData))
        {
            errors.Add(new(nameof(MilestoneDefinition.RuleData), $"Rule '{ruleType}' needs its rule data as a JSON object.") { Code = MilestoneValidationCodes.RuleDataNotObject });
            return null;
        }

        JsonNode? node;
        try
        {
            node = JsonNode.Parse(ruleData);
        }
        catch (JsonException exception)
        {
            errors.Add(new(nameof(MilestoneDefinition.RuleData), $"Rule data is not valid JSON: {exception.Message}") { Code = MilestoneValidationCodes.RuleDataNotObject });
            return null;
        }

        if (JsonDuplicates.FirstIn(ruleData) is { } duplicate)
        {
            errors.Add(new(nameof(MilestoneDefinition.RuleData), $"Rule data names the property '{duplicate}' more than once.")
            {
                Code = MilestoneValidationCodes.PropertyTwice,
                Arguments = [duplicate],
            });
            return null;
        }

        if (node is not JsonObject data)
        {
            errors.Add(new(nameof(MilestoneDefinition.RuleData), $"Rule data must be a JSON object such as {{\"gap_days\":14}}, not {node?.ToJsonString() ?? "null"}.") { Code = MilestoneValidationCodes.RuleDataNotObject });
            return null;
        }

        var before = errors.Count;
        var rule = parse(new RuleDataReader(ruleType, data, errors), triggerEvent ?? "");
        return errors.Count == before ? rule : null;
    }
}
