namespace MilestonesApp.Engine;

/// <summary>The event types the engine accepts.</summary>
public static class EventTypes
{
    public const string UserLoggedIn = "UserLoggedIn";
    public const string WinLogged = "WinLogged";
    public const string HabitCompleted = "HabitCompleted";

    public static IReadOnlyList<string> All { get; } = [UserLoggedIn, WinLogged, HabitCompleted];

    public static bool IsKnown(string? eventType) => eventType is not null && All.Contains(eventType, StringComparer.Ordinal);
}
