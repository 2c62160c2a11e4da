using MilestonesApp.Engine;

namespace MilestonesApp.Components.Admin;

/// <summary>
/// The catalog's validation problems sorted by field, so the form shows each one beside its input; a problem whose
/// field has no input on screen is shown above the form instead of being lost.
/// </summary>
public sealed class FieldErrors(IReadOnlyList<MilestoneValidationError> problems, Func<MilestoneValidationError, string> describe)
{
    public static FieldErrors None { get; } = new([]);

    /// <summary>Shows the catalog's English messages as they are.</summary>
    public FieldErrors(IReadOnlyList<MilestoneValidationError> problems)
        : this(problems, problem => problem.Message)
    {
    }

    public bool Any => problems.Count > 0;

    public bool Has(string field) => problems.Any(problem => problem.Field == field);

    /// <summary>The messages for one field, joined into the text shown under it, or null when it has none.</summary>
    public string? For(string field)
    {
        var messages = problems.Where(problem => problem.Field == field).Select(describe).ToList();
        return messages.Count == 0 ? null : string.Join(" ", messages);
    }

    /// <summary>
    /// These errors after an edit, given the catalog's <paramref name="fresh"/> problems: a field that showed an error
    /// keeps its fresh one (gone once corrected), a field without one is not flagged before the next save, and a field
    /// whose input the edit hid (another rule type or animation) loses its error, since it can no longer be corrected.
    /// </summary>
    public FieldErrors Recheck(
        IReadOnlyList<MilestoneValidationError> fresh, IReadOnlyCollection<string> shownBefore, IReadOnlyCollection<string> shownNow)
    {
        var flagged = problems.Select(problem => problem.Field).ToHashSet(StringComparer.Ordinal);
        var hidden = shownBefore.Except(shownNow, StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal);
        return new([.. fresh.Where(problem => flagged.Contains(problem.Field) && !hidden.Contains(problem.Field))], describe);
    }

    /// <summary>The messages for fields that have no input among <paramref name="shownFields"/>.</summary>
    public IReadOnlyList<string> Unplaced(IReadOnlyCollection<string> shownFields) =>
        problems.Where(problem => !shownFields.Contains(problem.Field)).Select(describe).ToList();
}
