namespace MilestonesApp.Benchmarks.Fixtures;

/// <summary>
/// A synthetic history: <see cref="Users"/> users with <see cref="EventsPerUser"/> events each, spread evenly over
/// [<see cref="Start"/>, <see cref="End"/>). About 20% logins, 40% wins, 40% habits, in a fixed pseudo-random order.
/// </summary>
internal sealed record HistoryShape(int Users, int EventsPerUser, DateTimeOffset Start, DateTimeOffset End)
{
    public long TotalEvents => (long)Users * EventsPerUser;

    public static string UserId(int index) => $"user{index:D6}";

    /// <summary>A history of <paramref name="days"/> days that ends a month before now, leaving room for new events.</summary>
    public static HistoryShape EndingLastMonth(int users, int eventsPerUser, int days)
    {
        var end = DateTimeOffset.UtcNow.AddDays(-30);
        return new HistoryShape(users, eventsPerUser, end.AddDays(-days), end);
    }

    /// <summary><paramref name="count"/> user indexes spread evenly over all users, so they are not neighbours in any index.</summary>
    public IReadOnlyList<string> SpreadUsers(int count) =>
        Enumerable.Range(0, count).Select(i => UserId((int)((long)i * Users / count))).ToList();

    public IReadOnlyList<string> AllUsers() => Enumerable.Range(0, Users).Select(UserId).ToList();
}
