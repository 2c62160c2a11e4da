namespace MilestonesApp.Engine.Rules;

/// <summary>
/// One property of a rule type's JSON, as data a form builds an input from: its JSON name, the kind of value it takes,
/// and whether it may be left out. A UI labels it by <c>Rule.Parameter.{Name}</c>.
/// </summary>
public sealed record RuleParameter(string Name, RuleParameterKind Kind, bool Optional = false);

/// <summary>The kinds of values a rule property takes.</summary>
public enum RuleParameterKind
{
    /// <summary>One of <see cref="StatsCounters.All"/>.</summary>
    Counter,

    /// <summary>One of <see cref="EventTypes.All"/>.</summary>
    Event,

    /// <summary>A positive whole number.</summary>
    Number,

    /// <summary>A positive whole number of days.</summary>
    Days,

    /// <summary>A list of milestone codes.</summary>
    Milestones,
}
