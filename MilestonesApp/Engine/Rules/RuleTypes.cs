using System.Text.Json;
using System.Text.Json.Nodes;

namespace MilestonesApp.Engine.Rules;

/// <summary>The registry of rule types: adding one is a class in this folder and a line here.</summary>
public static class RuleTypes
{
    private delegate IMilestoneRule? Parser(RuleDataReader data, string triggerEvent);

    private static readonly Dictionary<string, (Parser Parse, IReadOnlyList<RuleParameter> Parameters)> Registered = new(StringComparer.Ordinal)
    {
        [CountRule.TypeName] = (CountRule.Parse, CountRule.Parameters),
        [WindowCountRule.TypeName] = (WindowCountRule.Parse, WindowCountRule.Parameters),
        [ReturnAfterGapRule.TypeName] = (ReturnAfterGapRule.Parse, ReturnAfterGapRule.Parameters),
        [AllOfRule.TypeName] = (AllOfRule.Parse, AllOfRule.Parameters),
    };

    public static IReadOnlyCollection<string> Names => Registered.Keys;

    /// <summary>The properties of a rule type's JSON, for a form to offer; none for a type that does not exist.</summary>
    public static IReadOnlyList<RuleParameter> ParametersOf(string? ruleType) =>
        ruleType is not null && Registered.TryGetValue(ruleType, out var registered) ? registered.Parameters : [];

    /// <summary>
    /// Parses rule data for a rule type; returns null and adds the problems to <paramref name="errors"/> when it cannot.
    /// Given the <paramref name="catalog"/> the milestone <paramref name="code"/> is saved into, also checks what the
    /// rule says about other milestones.
    /// </summary>
    public static IMilestoneRule? Parse(
        string? ruleType, string? triggerEvent, string? ruleData, ICollection<MilestoneValidationError> errors,
        string code = "", IReadOnlyCollection<MilestoneDefinition>? catalog = null)
    {
        if (string.IsNullOrWhiteSpace(ruleType) || !Registered.TryGetValue(ruleType, out var registered))
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
        var rule = registered.Parse(new RuleDataReader(ruleType, data, errors, code, catalog), triggerEvent ?? "");
        return errors.Count == before ? rule : null;
    }
}
