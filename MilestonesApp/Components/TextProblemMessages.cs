using Microsoft.Extensions.Localization;
using MilestonesApp.Application;
using MilestonesApp.Resources;

namespace MilestonesApp.Components;

internal static class TextProblemMessages
{
    /// <summary>
    /// What to say under a habit name field. "Too long" shows while typing; "empty" only once the person tried to
    /// save, so a fresh form does not open with an error.
    /// </summary>
    public static string? HabitNameError(this IStringLocalizer<AppStrings> strings, string? name, bool attempted) =>
        TextLimit.HabitName.Check(name) switch
        {
            TextProblem.Empty when attempted => strings[Key.Habits_NameEmpty],
            TextProblem.TooLong => string.Format(strings[Key.Habits_NameTooLong], TextLimit.HabitName.MaxLength),
            _ => null,
        };
}
