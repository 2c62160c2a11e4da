using MilestonesApp.Benchmarks.Fixtures;
using MilestonesApp.Benchmarks.Harness;
using MilestonesApp.Engine;

namespace MilestonesApp.Benchmarks.Benchmarks;

/// <summary>
/// B4: a user with 10,000 events logs in for the first time since 200 milestones became active, so the login
/// evaluates every one of them over the whole history (catch-up) and inserts whatever it earned. One such login per
/// user, the first users only warming up; a second login per user shows the steady state.
/// </summary>
internal static class CatchUpLoginBenchmark
{
    private const int WarmUpUsers = 2;
    private const int MeasuredUsers = 10;
    private const int ActiveMilestones = 200;
    private const int SeededMilestones = 13;

    public static async Task<ResultRow> RunAsync(Workspace workspace)
    {
        var history = HistoryShape.EndingLastMonth(WarmUpUsers + MeasuredUsers, 10_000, 365);
        var path = await SeededDatabase.CreateAsync(workspace, "b4-catch-up.db", history, ActiveMilestones - SeededMilestones, activeUsers: []);
        await using var fixture = await EngineFixture.OpenAsync(path);

        var first = new List<double>();
        var repeat = new List<double>();
        var awarded = 0;
        foreach (var (user, index) in history.AllUsers().Select((user, index) => (user, index)))
        {
            EngineResult? result = null;
            var catchUp = await Timing.MillisecondsAsync(async () =>
                result = await fixture.Engine.RecordAsync(new DomainEvent(user, EventTypes.UserLoggedIn, history.End.AddDays(1), IdempotencyKey: "b4-first")));
            var again = await Timing.MillisecondsAsync(() =>
                fixture.Engine.RecordAsync(new DomainEvent(user, EventTypes.UserLoggedIn, history.End.AddDays(2), IdempotencyKey: "b4-again")));
            if (index >= WarmUpUsers)
            {
                first.Add(catchUp);
                repeat.Add(again);
                awarded += result!.NewlyAwarded.Count;
            }
        }

        var (login, steady) = (new Distribution(first), new Distribution(repeat));
        return new ResultRow("B4", $"catch-up login, {ActiveMilestones} active milestones, {history.EventsPerUser:N0} events for the user",
            $"{login.Median:F1} ms per login (max {login.Max:F1}, {awarded / MeasuredUsers} awards each); next login {steady.Median:F1} ms",
            login.SpreadText, "< 20 ms", login.Median < 20 ? "met" : "MISSED");
    }
}
