using Microsoft.Extensions.Localization;
using MilestonesApp.Components.Admin;
using MilestonesApp.Engine.Rules;
using MilestonesApp.Resources;

namespace MilestonesApp.Components;

/// <summary>
/// What the rules say about themselves (<see cref="RuleText"/>, their types and parameters), in the reader's language.
/// The rules name their words, and keys are built from those names here alone: <c>Rule.{phrase}</c>,
/// <c>Rule.Type.{rule type}</c>, <c>Rule.Parameter.{property}</c>. A test holds each key of every registered rule type
/// present in every culture; a word no culture has shows as its name.
/// </summary>
internal static class RuleWords
{
    public static string PhraseKey(string phrase) => $"Rule.{phrase}";

    public static string TypeKey(string ruleType) => $"Rule.Type.{ruleType}";

    public static string ParameterKey(string property) => $"Rule.Parameter.{property}";

    public static string RuleTypeName(this IStringLocalizer<AppStrings> strings, string ruleType) => OrName(strings[TypeKey(ruleType)], ruleType);

    public static string ParameterName(this IStringLocalizer<AppStrings> strings, string property) => OrName(strings[ParameterKey(property)], property);

    public static string Say(this IStringLocalizer<AppStrings> strings, RuleText text) =>
        OrName(strings[PhraseKey(text.Phrase), [.. text.Arguments.Select(argument => Say(strings, argument))]], text.Phrase);

    private static object Say(IStringLocalizer<AppStrings> strings, RuleTextArgument argument) => argument switch
    {
        NumberArgument number => number.Value,
        EventsArgument events => strings.Quantity(events.EventType, checked((int)events.Count)),
        DaysArgument days => strings.Days(days.Days),
        MilestonesArgument milestones => string.Join(", ", milestones.Codes),
        _ => argument.ToString(),
    };

    private static string OrName(LocalizedString text, string name) => text.ResourceNotFound ? name : text.Value;
}
