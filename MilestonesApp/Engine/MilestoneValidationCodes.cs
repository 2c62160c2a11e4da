namespace MilestonesApp.Engine;

/// <summary>
/// The kinds of <see cref="MilestoneValidationError"/>, stable names a UI translates; the arguments each carries are
/// listed beside it.
/// </summary>
public static class MilestoneValidationCodes
{
    /// <summary>No UI text: show the English message.</summary>
    public const string Other = "other";

    /// <summary>The code's format. Arguments: the longest code allowed.</summary>
    public const string CodeFormat = "code_format";

    /// <summary>Another milestone has the code. Arguments: the code.</summary>
    public const string CodeTaken = "code_taken";

    public const string TextRequired = "text_required";

    /// <summary>Arguments: the text's length, the limit.</summary>
    public const string TextTooLong = "text_too_long";

    public const string EventUnknown = "event_unknown";

    public const string CounterUnknown = "counter_unknown";

    public const string RuleTypeUnknown = "rule_type_unknown";

    /// <summary>The rule data is missing, not JSON or not a JSON object.</summary>
    public const string RuleDataNotObject = "rule_data_not_object";

    /// <summary>Arguments: the property.</summary>
    public const string PropertyNotTaken = "property_not_taken";

    public const string PropertyRequired = "property_required";

    /// <summary>The JSON names a property more than once. Arguments: the property.</summary>
    public const string PropertyTwice = "property_twice";

    public const string PropertyNotText = "property_not_text";

    /// <summary>Arguments: the smallest and the largest number allowed.</summary>
    public const string NumberOutOfRange = "number_out_of_range";

    public const string TriggerMustBeLogin = "trigger_must_be_login";

    /// <summary>A property must be a list of texts.</summary>
    public const string PropertyNotTextList = "property_not_text_list";

    /// <summary>A list names an item twice. Arguments: the item.</summary>
    public const string ListedTwice = "listed_twice";

    /// <summary>A rule names a milestone that does not exist. Arguments: the code.</summary>
    public const string MilestoneUnknown = "milestone_unknown";

    /// <summary>A rule about other milestones names its own.</summary>
    public const string ListsItself = "lists_itself";

    /// <summary>Milestones that name each other in a circle. Arguments: the circle, codes joined by arrows.</summary>
    public const string MilestoneCycle = "milestone_cycle";

    public const string VideoPath = "video_path";

    public const string NoAnimationData = "no_animation_data";

    public const string AnimationUnknown = "animation_unknown";

    /// <summary>The confetti options are not JSON or not a JSON object.</summary>
    public const string ConfettiNotObject = "confetti_not_object";

    /// <summary>Arguments: the most colours allowed.</summary>
    public const string ConfettiColors = "confetti_colors";
}
