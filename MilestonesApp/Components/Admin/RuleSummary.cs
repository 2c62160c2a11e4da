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
            WindowCountRule window => strings["Admin.Rule.Within", Quantity(window.Event, window.Count), Days(window.WindowDays)],
            ReturnAfterGapRule gap => strings["Admin.Rule.BackAfter", Days(gap.GapDays)],
            _ => strings["Admin.Rule.Invalid", definition.RuleType],
        };
    }

    private string Quantity(string eventType, int count) => strings[$"Admin.Quantity.{eventType}.{Plural(count)}", count];

    private string Days(int days) => strings[$"Admin.Quantity.Days.{Plural(days)}", days];

    // English, Spanish and German all tell one from many; a culture needing more forms would add them here.
    private static string Plural(int count) => count == 1 ? "One" : "Other";
}
