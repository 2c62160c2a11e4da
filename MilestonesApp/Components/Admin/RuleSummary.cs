using Microsoft.Extensions.Localization;
using MilestonesApp.Engine;
using MilestonesApp.Engine.Rules;
using MilestonesApp.Resources;

namespace MilestonesApp.Components.Admin;

/// <summary>A definition's rule in words of the current culture, as the rule describes itself: "100 wins", "5 habits within 14 days".</summary>
public sealed class RuleSummary(IStringLocalizer<AppStrings> strings)
{
    public string Describe(MilestoneDefinition definition) =>
        RuleTypes.Parse(definition.RuleType, definition.TriggerEvent, definition.RuleData, []) is { } rule
            ? strings.Say(rule.Describe())
            : strings[Key.Admin_Rule_Invalid, definition.RuleType];
}
