using Microsoft.Extensions.Localization;
using MilestonesApp.Engine;
using MilestonesApp.Resources;

namespace MilestonesApp.Components.Admin;

/// <summary>
/// The engine's identifiers (event types, counters, animations) in a person's words (rule types: <see cref="RuleWords"/>). Each maps to a
/// generated key, so a missing text fails the build; an identifier the app does not know yet shows as itself.
/// </summary>
internal static class AdminVocabulary
{
    public static string EventName(this IStringLocalizer<AppStrings> strings, string eventType) => eventType switch
    {
        EventTypes.UserLoggedIn => strings[Key.Admin_Event_UserLoggedIn],
        EventTypes.WinLogged => strings[Key.Admin_Event_WinLogged],
        EventTypes.HabitCompleted => strings[Key.Admin_Event_HabitCompleted],
        _ => eventType,
    };

    public static string CounterName(this IStringLocalizer<AppStrings> strings, string counter) => counter switch
    {
        StatsCounters.LoginCount => strings[Key.Admin_Counter_login_count],
        StatsCounters.TotalWins => strings[Key.Admin_Counter_total_wins],
        StatsCounters.TotalHabitsCompleted => strings[Key.Admin_Counter_total_habits_completed],
        _ => counter,
    };

    public static string AnimationName(this IStringLocalizer<AppStrings> strings, AnimationKind kind) => kind switch
    {
        AnimationKind.Confetti => strings[Key.Admin_Animation_Confetti],
        AnimationKind.Webm => strings[Key.Admin_Animation_Webm],
        AnimationKind.None => strings[Key.Admin_Animation_None],
        _ => kind.ToString(),
    };

    public static string StateName(this IStringLocalizer<AppStrings> strings, MilestoneState state) => state switch
    {
        MilestoneState.Draft => strings[Key.Admin_State_Draft],
        MilestoneState.Live => strings[Key.Admin_State_Live],
        MilestoneState.Retired => strings[Key.Admin_State_Retired],
        _ => state.ToString(),
    };

    /// <summary>"1 win", "5 habits": the count of an event type, in the culture's singular or plural.</summary>
    public static string Quantity(this IStringLocalizer<AppStrings> strings, string eventType, int count) => (eventType, count == 1) switch
    {
        (EventTypes.UserLoggedIn, true) => strings[Key.Admin_Quantity_UserLoggedIn_One, count],
        (EventTypes.UserLoggedIn, false) => strings[Key.Admin_Quantity_UserLoggedIn_Other, count],
        (EventTypes.WinLogged, true) => strings[Key.Admin_Quantity_WinLogged_One, count],
        (EventTypes.WinLogged, false) => strings[Key.Admin_Quantity_WinLogged_Other, count],
        (EventTypes.HabitCompleted, true) => strings[Key.Admin_Quantity_HabitCompleted_One, count],
        (EventTypes.HabitCompleted, false) => strings[Key.Admin_Quantity_HabitCompleted_Other, count],
        _ => $"{count} × {eventType}",
    };

    // English, Spanish and German all tell one from many; a culture needing more forms would add keys here.
    public static string Days(this IStringLocalizer<AppStrings> strings, int days) =>
        days == 1 ? strings[Key.Admin_Quantity_Days_One, days] : strings[Key.Admin_Quantity_Days_Other, days];
}
