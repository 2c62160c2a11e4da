namespace MilestonesApp.Benchmarks.Fixtures;

/// <summary>
/// A synthetic history: <see cref="Users"/> users from index <see cref="FirstUser"/> on, with <see cref="EventsPerUser"/>
/// events each, spread evenly over [<see cref="Start"/>, <see cref="End"/>). About 20% logins, 40% wins, 40% habits,
/// in a fixed pseudo-random order. Shapes with disjoint user ranges can share one database.
/// </summary>
internal sealed record HistoryShape(int Users, int EventsPerUser, DateTimeOffset Start, DateTimeOffset End, int FirstUser = 0)
{
    public long TotalEvents => (long)Users * EventsPerUser;

    public static string UserId(int index) => $"user{index:D6}";

    /// <summary>A history of <paramref name="days"/> days that ends a month before now, leaving room for new events.</summary>
    public static HistoryShape EndingLastMonth(int users, int eventsPerUser, int days, int firstUser = 0)
    {
        var end = DateTimeOffset.UtcNow.AddDays(-30);
        return new HistoryShape(users, eventsPerUser, end.AddDays(-days), end, firstUser);
    }

    /// <summary><paramref name="count"/> user indexes spread evenly over all users, so they are not neighbours in any index.</summary>
    public IReadOnlyList<string> SpreadUsers(int count) =>
        Enumerable.Range(0, count).Select(i => UserId(FirstUser + (int)((long)i * Users / count))).ToList();

    public IReadOnlyList<string> AllUsers() => Enumerable.Range(FirstUser, Users).Select(UserId).ToList();
}
