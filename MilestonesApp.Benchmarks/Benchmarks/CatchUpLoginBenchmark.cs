using System.Diagnostics;
using MilestonesApp.Benchmarks.Fixtures;
using MilestonesApp.Benchmarks.Harness;
using MilestonesApp.Engine;

namespace MilestonesApp.Benchmarks.Benchmarks;

/// <summary>
/// B4: logins as a curve over the size of a user's own history (10 to 100,000 events, spread over a year), with 200
/// active milestones. Each user's first login since those milestones became active evaluates every one of them over the
/// whole history (catch-up); the later logins that follow, with the catalog unchanged, should cost the same whatever
/// the history. Then the gate: while a first login over 100,000 events runs, background writers keep recording for
/// other users, and their worst latency during it is set against their worst in the half second before it. A writer
/// held up by the login would wait for most of it.
/// </summary>
internal static class CatchUpLoginBenchmark
{
    private const int ActiveMilestones = 200;
    private const int SeededMilestones = 14;
    private const int LaterLogins = 5;
    private const int StallUsers = 3;
    private const int BackgroundWriterCount = 4;
    private const double CurveGoal = 2;
    private const double StallGoal = 2;
    private static readonly TimeSpan QuietWindow = TimeSpan.FromMilliseconds(500);

    /// <summary>History sizes and how many users of each are measured, after two warm-up users of the smallest.</summary>
    private static readonly (int Events, int Users)[] Sizes = [(10, 10), (1_000, 10), (10_000, 6), (100_000, 3)];

    public static async Task<IReadOnlyList<ResultRow>> RunAsync(Workspace workspace)
    {
        var next = 0;
        HistoryShape Group(int users, int events)
        {
            var shape = HistoryShape.EndingLastMonth(users, events, days: 365, firstUser: next);
            next += users;
            return shape;
        }

        var warmUp = Group(2, Sizes[0].Events);
        var curve = Sizes.Select(size => Group(size.Users, size.Events)).ToList();
        var stall = Group(StallUsers, 100_000);
        var background = Group(BackgroundWriterCount * 8, 10);
        var path = await SeededDatabase.CreateAsync(workspace, "b4-logins.db", [warmUp, .. curve, stall, background],
            ActiveMilestones - SeededMilestones, activeUsers: background.AllUsers());
        await using var fixture = await EngineFixture.OpenAsync(path);
        var firstAt = warmUp.End.AddDays(1);

        await LoginsAsync(fixture.Engine, warmUp, firstAt);
        var points = new List<CurvePoint>();
        foreach (var group in curve)
        {
            points.Add(await LoginsAsync(fixture.Engine, group, firstAt));
            Progress.Say($"B4 {group.EventsPerUser:N0} own events: first login {points[^1].First.Median:F2} ms, later {points[^1].Later.Median:F2} ms");
        }

        var (quiet, during, logins) = await StallAsync(fixture.Engine, stall, background, firstAt);
        return [CurveRow(points), StallRow(quiet, during, logins)];
    }

    /// <summary>Each user's first login, then <see cref="LaterLogins"/> more a day apart, each timed.</summary>
    private static async Task<CurvePoint> LoginsAsync(IMilestoneEngine engine, HistoryShape group, DateTimeOffset firstAt)
    {
        var (first, later, awards) = (new List<double>(), new List<double>(), 0);
        foreach (var user in group.AllUsers())
        {
            EngineResult? result = null;
            first.Add(await Timing.MillisecondsAsync(async () => result = await engine.RecordAsync(Login(user, firstAt, "b4-first"))));
            awards += result!.NewlyAwarded.Count;
            for (var day = 1; day <= LaterLogins; day++)
            {
                later.Add(await Timing.MillisecondsAsync(() => engine.RecordAsync(Login(user, firstAt.AddDays(day), $"b4-later-{day}"))));
            }
        }

        return new CurvePoint(group.EventsPerUser, new Distribution(first), new Distribution(later), awards / group.Users);
    }

    /// <summary>
    /// First logins over 100,000 events while background writers record for other users: the writers' latencies over
    /// calls made in the quiet window before each login, and their worst over calls that overlapped a login.
    /// </summary>
    private static async Task<(Distribution Quiet, double During, Distribution Logins)> StallAsync(
        IMilestoneEngine engine, HistoryShape stall, HistoryShape background, DateTimeOffset firstAt)
    {
        var windows = new List<(long Started, long Ended)>();
        IReadOnlyList<TimedCall> calls;
        await using (var writers = new BackgroundWriters(e => engine.RecordAsync(e), EventStream.After(background, background.AllUsers(), "b4-background"), BackgroundWriterCount))
        {
            writers.Start();
            foreach (var user in stall.AllUsers())
            {
                // Pacing, not waiting for a result: the writers run alone for a while before each login, for comparison.
                await Task.Delay(QuietWindow);
                var started = Stopwatch.GetTimestamp();
                await engine.RecordAsync(Login(user, firstAt, "b4-stall"));
                windows.Add((started, Stopwatch.GetTimestamp()));
            }

            calls = await writers.StopAsync();
        }

        var quietTicks = (long)(QuietWindow.TotalSeconds * Stopwatch.Frequency);
        var quiet = calls.Where(call => windows.Any(w => call.Started >= w.Started - quietTicks && call.Ended < w.Started)).ToList();
        var during = calls.Where(call => windows.Any(w => call.Started < w.Ended && call.Ended > w.Started)).ToList();
        Progress.Say($"B4 background writers: {calls.Count:N0} calls, {quiet.Count} in quiet windows, {during.Count} during the logins");
        var logins = new Distribution(windows.Select(w => Stopwatch.GetElapsedTime(w.Started, w.Ended).TotalMilliseconds));
        return (new Distribution(quiet.Select(c => c.Milliseconds)), during.Count == 0 ? 0 : during.Max(c => c.Milliseconds), logins);
    }

    private static ResultRow CurveRow(IReadOnlyList<CurvePoint> points)
    {
        var (at10, at10k) = (points.Single(p => p.Events == 10).Later, points.Single(p => p.Events == 10_000).Later);
        var ratio = at10k.Median / at10.Median;
        string Each(Func<CurvePoint, Distribution> figure) => string.Join(", ", points.Select(p => $"{p.Events:N0}: {figure(p).Median:F2}"));
        return new ResultRow("B4",
            $"logins by own history (events spread over a year), {ActiveMilestones} active milestones: the first since they became active (catch-up), then later ones with the catalog unchanged",
            $"first login ms by own events {Each(p => p.First)} ({points[^1].Awards} awards each at {points[^1].Events:N0}); " +
            $"later login ms {Each(p => p.Later)}; later at 10,000 = {ratio:F2} × at 10",
            at10k.SpreadText, $"later login at 10,000 ≤ {CurveGoal} × at 10", ratio <= CurveGoal ? "met" : "MISSED");
    }

    // Like with like: the writers' worst call during the logins against their worst in the quiet windows before them
    // (a worst call against a p99 would count the machine's ordinary spikes as a stall). Held up by the login, a writer
    // would wait most of its length, several times that worst.
    private static ResultRow StallRow(Distribution quiet, double during, Distribution logins)
    {
        var before = quiet.Max;
        return new ResultRow("B4",
            $"no gate stall: {BackgroundWriterCount} writers recording for other users while a first login over 100,000 own events runs",
            $"their worst latency during the login {during:F2} ms vs {before:F2} ms (p99 {quiet.Percentile(99):F2}) in the {QuietWindow.TotalMilliseconds:F0} ms " +
            $"before it (= {during / before:F2} × the worst before); the login took {logins.Median:F1} ms",
            logins.SpreadText, $"worst during ≤ {StallGoal} × worst before", during <= StallGoal * before ? "met" : "MISSED");
    }

    private static DomainEvent Login(string user, DateTimeOffset at, string key) => new(user, EventTypes.UserLoggedIn, at, IdempotencyKey: key);

    /// <summary>One history size: its users' first and later login times, and the awards a first login gave on average.</summary>
    private sealed record CurvePoint(int Events, Distribution First, Distribution Later, int Awards);
}
