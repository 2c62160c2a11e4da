using MilestonesApp.Engine;

namespace MilestonesApp.Benchmarks.Fixtures;

/// <summary>
/// New events for a measurement, the same for the engine and the raw baseline: users visited in a scrambled round,
/// 10% logins, 45% wins, 45% habits, each with an idempotency key as the app sends them, ten seconds apart.
/// Safe to share between concurrent writers.
/// </summary>
internal sealed class EventStream(IReadOnlyList<string> users, DateTimeOffset start, string keyPrefix)
{
    private static readonly TimeSpan Spacing = TimeSpan.FromSeconds(10);
    private long next = -1;

    /// <summary>Starts a day after the history, which leaves room for the catch-up logins that seeding records.</summary>
    public static EventStream After(HistoryShape history, IReadOnlyList<string> users, string keyPrefix) =>
        new(users, history.End.AddDays(1), keyPrefix);

    /// <summary>One stream per writer, each over its own share of the users, so that no two writers touch one user.</summary>
    public static EventStream[] PerWriter(HistoryShape history, IReadOnlyList<string> users, int writers, string keyPrefix) =>
        Enumerable.Range(0, writers)
            .Select(writer => After(history, users.Where((_, i) => i % writers == writer).ToList(), $"{keyPrefix}-{writer}"))
            .ToArray();

    public DomainEvent Next()
    {
        var index = Interlocked.Increment(ref next);
        var user = users[(int)(index * 7919 % users.Count)];
        var type = (index * 2654435761 % 1000003 % 20) switch
        {
            < 2 => EventTypes.UserLoggedIn,
            < 11 => EventTypes.WinLogged,
            _ => EventTypes.HabitCompleted,
        };
        return new DomainEvent(user, type, start + index * Spacing, IdempotencyKey: $"{keyPrefix}-{index}");
    }
}
