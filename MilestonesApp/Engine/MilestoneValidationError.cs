namespace MilestonesApp.Engine;

/// <summary>
/// One problem with a definition: a readable sentence and the field it concerns, so a form can show it beside that field.
/// <see cref="Field"/> is a <see cref="MilestoneDefinition"/> property name, or for one property inside the rule or
/// animation data that name, a dot and the JSON property (<c>RuleData.threshold</c>, <c>AnimationData.spread</c>).
/// </summary>
public sealed record MilestoneValidationError(string Field, string Message)
{
    public static string RuleDataField(string property) => nameof(MilestoneDefinition.RuleData) + "." + property;

    public static string AnimationDataField(string option) => nameof(MilestoneDefinition.AnimationData) + "." + option;
}
