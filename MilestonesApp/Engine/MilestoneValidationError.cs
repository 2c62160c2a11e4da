namespace MilestonesApp.Engine;

/// <summary>
/// One problem with a definition: a readable sentence and the field it concerns, so a form can show it beside that field.
/// <see cref="Field"/> is a <see cref="MilestoneDefinition"/> property name, or for one property inside the rule or
/// animation data that name, a dot and the JSON property (<c>RuleData.threshold</c>, <c>AnimationData.spread</c>).
/// <see cref="Message"/> is English, for logs and the API; <see cref="Code"/> (one of <see cref="MilestoneValidationCodes"/>)
/// and <see cref="Arguments"/> let a UI say the same in its reader's language.
/// </summary>
public sealed record MilestoneValidationError(string Field, string Message)
{
    /// <summary>The kind of problem; <see cref="MilestoneValidationCodes.Other"/> when no UI text exists for it.</summary>
    public string Code { get; init; } = MilestoneValidationCodes.Other;

    /// <summary>The values the problem's text names, in the order of <see cref="MilestoneValidationCodes"/>' documentation.</summary>
    public IReadOnlyList<object> Arguments { get; init; } = [];

    public static string RuleDataField(string property) => nameof(MilestoneDefinition.RuleData) + "." + property;

    public static string AnimationDataField(string option) => nameof(MilestoneDefinition.AnimationData) + "." + option;
}
