using System.Collections.Concurrent;

namespace MilestonesApp.Engine;

/// <summary>
/// What the last count of each user's window found, kept between events, so that a later event can tell without a
/// query that a window cannot hold enough yet. A count made at an event that was the user's latest saw every stored
/// event at or before it; the window of the same length ending at any later moment then holds at most that count plus
/// the events of the type stored since, which the stats row counts exactly, on whatever node they were recorded.
/// Only counts whose write committed are remembered: one made by a write that rolled back could include an event that
/// never was. Events are never deleted and stats only grow, so a bound stays a bound.
/// </summary>
internal sealed class WindowCountBounds
{
    // An optimization only: past this many users' windows everything is forgotten, and each is counted again once.
    private const int MaxWindows = 100_000;

    private readonly ConcurrentDictionary<WindowKey, WindowCount> counts = new();

    /// <summary>
    /// The most events the user's window can hold when it ends at <paramref name="end"/>, given
    /// <paramref name="storedOfType"/>, how many of its type the user has in all; null when no earlier count bounds it.
    /// </summary>
    public long? AtMost(WindowKey window, DateTimeOffset end, long storedOfType) =>
        counts.TryGetValue(window, out var known) && end >= known.End && storedOfType >= known.StoredOfType
            ? known.InWindow + (storedOfType - known.StoredOfType)
            : null;

    /// <summary>Remembers counts made at the user's latest event, once the write that made them has committed.</summary>
    public void Remember(IEnumerable<(WindowKey Window, WindowCount Count)> committed)
    {
        foreach (var (window, count) in committed)
        {
            if (counts.Count >= MaxWindows)
            {
                counts.Clear();
            }

            // Two writes of one user may commit in either order: keep the later count.
            counts.AddOrUpdate(window, count, (_, known) => count.StoredOfType >= known.StoredOfType ? count : known);
        }
    }
}

/// <summary>One user's window of one event type and length.</summary>
internal readonly record struct WindowKey(string UserId, string EventType, TimeSpan Length);

/// <summary>How many events of the type the window ending at <see cref="End"/> held, when the user had <see cref="StoredOfType"/> in all.</summary>
internal readonly record struct WindowCount(DateTimeOffset End, int InWindow, long StoredOfType);
