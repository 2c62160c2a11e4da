namespace MilestonesApp.Engine;

/// <summary>The lifetime counters of a stats row that a <c>count</c> rule may name, and the event each one counts.</summary>
public static class StatsCounters
{
    public const string LoginCount = "login_count";
    public const string TotalWins = "total_wins";
    public const string TotalHabitsCompleted = "total_habits_completed";

    private static readonly Dictionary<string, string> EventByCounter = new(StringComparer.Ordinal)
    {
        [LoginCount] = EventTypes.UserLoggedIn,
        [TotalWins] = EventTypes.WinLogged,
        [TotalHabitsCompleted] = EventTypes.HabitCompleted,
    };

    public static IReadOnlyCollection<string> All => EventByCounter.Keys;

    public static bool IsKnown(string? counter) => counter is not null && EventByCounter.ContainsKey(counter);

    /// <summary>The event type whose occurrences the counter counts.</summary>
    public static string EventCountedBy(string counter) => EventByCounter[counter];

    /// <summary>The counter that counts events of the given type.</summary>
    public static string CounterFor(string eventType) => EventByCounter.Single(pair => pair.Value == eventType).Key;
}
