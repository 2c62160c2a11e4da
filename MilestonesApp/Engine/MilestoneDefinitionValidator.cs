using System.Text.RegularExpressions;
using MilestonesApp.Engine.Rules;

namespace MilestonesApp.Engine;

/// <summary>Checks a definition completely and says every problem in a sentence; used by the catalog and the seed sync.</summary>
public static partial class MilestoneDefinitionValidator
{
    public const int MaxCodeLength = 64;
    public const int MaxTitleLength = 120;
    public const int MaxDescriptionLength = 400;
    public const int MaxIconLength = 16;

    /// <summary>Returns the parsed rule, or null with <paramref name="errors"/> filled.</summary>
    public static IMilestoneRule? Validate(MilestoneDefinition definition, ICollection<string> errors, IReadOnlyCollection<MilestoneDefinition>? catalog = null)
    {
        var problems = new List<MilestoneValidationError>();
        var rule = Validate(definition, problems, catalog);
        problems.ForEach(problem => errors.Add(problem.Message));
        return rule;
    }

    /// <summary>
    /// Returns the parsed rule, or null with <paramref name="errors"/> filled, each naming the field it concerns. Given
    /// the <paramref name="catalog"/> it is saved into, also checks the milestones its rule names.
    /// </summary>
    public static IMilestoneRule? Validate(
        MilestoneDefinition definition, ICollection<MilestoneValidationError> errors, IReadOnlyCollection<MilestoneDefinition>? catalog = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var before = errors.Count;
        if (string.IsNullOrEmpty(definition.Code) || definition.Code.Length > MaxCodeLength || !CodePattern().IsMatch(definition.Code))
        {
            errors.Add(new(nameof(definition.Code),
                $"Code '{definition.Code}' must be 1 to {MaxCodeLength} lowercase letters, digits or underscores, starting with a letter, such as 'first_win'.")
            {
                Code = MilestoneValidationCodes.CodeFormat,
                Arguments = [MaxCodeLength],
            });
        }

        RequireText(nameof(definition.Title), definition.Title, MaxTitleLength, errors);
        RequireText(nameof(definition.Description), definition.Description, MaxDescriptionLength, errors);
        RequireText(nameof(definition.Icon), definition.Icon, MaxIconLength, errors);

        if (!EventTypes.IsKnown(definition.TriggerEvent))
        {
            errors.Add(new(nameof(definition.TriggerEvent),
                $"Trigger event '{definition.TriggerEvent}' is unknown; the events are {string.Join(", ", EventTypes.All)}.") { Code = MilestoneValidationCodes.EventUnknown });
        }

        var rule = RuleTypes.Parse(definition.RuleType, definition.TriggerEvent, definition.RuleData, errors, definition.Code, catalog);
        AnimationDataValidator.Validate(definition.Animation, definition.AnimationData, errors);
        return errors.Count == before ? rule : null;
    }

    /// <summary>Returns the parsed rule or throws <see cref="MilestoneValidationException"/>.</summary>
    public static IMilestoneRule ValidateOrThrow(MilestoneDefinition definition, IReadOnlyCollection<MilestoneDefinition>? catalog = null)
    {
        var errors = new List<MilestoneValidationError>();
        return Validate(definition, errors, catalog) ?? throw new MilestoneValidationException(errors);
    }

    private static void RequireText(string name, string? value, int maximum, ICollection<MilestoneValidationError> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new(name, $"{name} is required.") { Code = MilestoneValidationCodes.TextRequired });
        }
        else if (value.Length > maximum)
        {
            errors.Add(new(name, $"{name} is {value.Length} characters long; the limit is {maximum}.")
            {
                Code = MilestoneValidationCodes.TextTooLong,
                Arguments = [value.Length, maximum],
            });
        }
    }

    [GeneratedRegex("^[a-z][a-z0-9_]*$")]
    private static partial Regex CodePattern();
}
