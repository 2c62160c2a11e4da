using Microsoft.Extensions.Localization;
using MilestonesApp.Engine;
using MilestonesApp.Engine.Rules;
using MilestonesApp.Resources;

namespace MilestonesApp.Components.Admin;

/// <summary>A definition's rule in words of the current culture: "100 wins", "5 habits within 14 days", "back after 14 days".</summary>
public sealed class RuleSummary(IStringLocalizer<AppStrings> strings)
{
    public string Describe(MilestoneDefinition definition)
    {
        var errors = new List<MilestoneValidationError>();
        return RuleTypes.Parse(definition.RuleType, definition.TriggerEvent, definition.RuleData, errors) switch
        {
            CountRule count => Quantity(count.CountedEvent, count.Threshold),
            WindowCountRule window => strings[Key.Admin_Rule_Within, Quantity(window.Event, window.Count), Days(window.WindowDays)],
            ReturnAfterGapRule gap => strings[Key.Admin_Rule_BackAfter, Days(gap.GapDays)],
            _ => strings[Key.Admin_Rule_Invalid, definition.RuleType],
        };
    }

    private string Quantity(string eventType, int count) => strings.Quantity(eventType, count);

    private string Days(int days) => strings.Days(days);
}
