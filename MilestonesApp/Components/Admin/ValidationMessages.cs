using Microsoft.Extensions.Localization;
using MilestonesApp.Data;
using MilestonesApp.Engine;
using MilestonesApp.Resources;

namespace MilestonesApp.Components.Admin;

/// <summary>The catalog's problems in the admin's language, from their code and arguments; an uncoded one keeps its English.</summary>
internal static class ValidationMessages
{
    public static string Describe(this IStringLocalizer<AppStrings> strings, MilestoneValidationError problem) =>
        KeyFor(problem.Code) is { } key ? strings[key, [.. problem.Arguments]] : problem.Message;

    private static string? KeyFor(string code) => code switch
    {
        MilestoneValidationCodes.CodeFormat => Key.Admin_Problem_CodeFormat,
        MilestoneValidationCodes.CodeTaken => Key.Admin_Problem_CodeTaken,
        MilestoneValidationCodes.TextRequired => Key.Admin_Problem_TextRequired,
        MilestoneValidationCodes.TextTooLong => Key.Admin_Problem_TextTooLong,
        MilestoneValidationCodes.EventUnknown => Key.Admin_Problem_EventUnknown,
        MilestoneValidationCodes.CounterUnknown => Key.Admin_Problem_CounterUnknown,
        MilestoneValidationCodes.RuleTypeUnknown => Key.Admin_Problem_RuleTypeUnknown,
        MilestoneValidationCodes.RuleDataNotObject => Key.Admin_Problem_RuleDataNotObject,
        MilestoneValidationCodes.PropertyNotTaken => Key.Admin_Problem_PropertyNotTaken,
        MilestoneValidationCodes.PropertyRequired => Key.Admin_Problem_PropertyRequired,
        MilestoneValidationCodes.PropertyTwice => Key.Admin_Problem_PropertyTwice,
        MilestoneValidationCodes.PropertyNotText => Key.Admin_Problem_PropertyNotText,
        MilestoneValidationCodes.NumberOutOfRange => Key.Admin_Problem_NumberOutOfRange,
        MilestoneValidationCodes.TriggerMustBeLogin => Key.Admin_Problem_TriggerMustBeLogin,
        MilestoneValidationCodes.PropertyNotTextList => Key.Admin_Problem_PropertyNotTextList,
        MilestoneValidationCodes.ListedTwice => Key.Admin_Problem_ListedTwice,
        MilestoneValidationCodes.MilestoneUnknown => Key.Admin_Problem_MilestoneUnknown,
        MilestoneValidationCodes.ListsItself => Key.Admin_Problem_ListsItself,
        MilestoneValidationCodes.MilestoneCycle => Key.Admin_Problem_MilestoneCycle,
        MilestoneValidationCodes.VideoPath => Key.Admin_Problem_VideoPath,
        MilestoneValidationCodes.NoAnimationData => Key.Admin_Problem_NoAnimationData,
        MilestoneValidationCodes.AnimationUnknown => Key.Admin_Problem_AnimationUnknown,
        MilestoneValidationCodes.ConfettiNotObject => Key.Admin_Problem_ConfettiNotObject,
        MilestoneValidationCodes.ConfettiColors => Key.Admin_Problem_ConfettiColors,
        MilestoneTranslation.ControlCharacter => Key.Admin_Problem_ControlCharacter,
        _ => null,
    };
}
