namespace MilestonesApp.Engine.Rules;

/// <summary>
/// Words about a rule, as data a UI translates: a phrase (a resource the UI names <c>Rule.{Phrase}</c>) and the values
/// it places, so that the engine never holds one language's sentence.
/// </summary>
public sealed record RuleText(string Phrase, params IReadOnlyList<RuleTextArgument> Arguments);

/// <summary>One value a <see cref="RuleText"/> places, each a kind a UI knows how to say.</summary>
public abstract record RuleTextArgument;

/// <summary>A plain number.</summary>
public sealed record NumberArgument(long Value) : RuleTextArgument;

/// <summary>So many events of a type, in the culture's singular or plural: "5 habits".</summary>
public sealed record EventsArgument(string EventType, long Count) : RuleTextArgument;

/// <summary>A number of days, in the culture's singular or plural.</summary>
public sealed record DaysArgument(int Days) : RuleTextArgument;

/// <summary>Milestones named by code.</summary>
public sealed record MilestonesArgument(IReadOnlyList<string> Codes) : RuleTextArgument;
