using MilestonesApp.Application.Awards;
using MilestonesApp.Application.Habits;
using MilestonesApp.Application.Wins;
using MilestonesApp.Engine;

namespace MilestonesApp.Application.Accounts;

/// <summary>
/// Six weeks of the demo account's past, recorded through the engine in time order with past times: a first visit, two
/// weeks away, then a month of wins, habits and visits. Its receipts are what the engine really awards for it.
/// </summary>
internal sealed class DemoHistory(IMilestoneEngine engine, WinService wins, HabitService habits, AwardClaims claims, TimeProvider time)
{
    private static readonly string[] WinTexts =
    [
        "Signed up for the evening pottery class",
        "Finished the quarterly report a day early",
        "Called grandma just to chat",
        "Ran 5 km without stopping",
        "Cooked a new recipe from scratch",
        "Fixed the squeaky door hinge",
        "Said no to a meeting I did not need",
        "Read a whole book this month",
        "Helped a colleague with their first deploy",
    ];

    public async Task RecordAsync(string userId, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var walk = await habits.CreateAsync(userId, "Morning walk", cancellationToken);
        var read = await habits.CreateAsync(userId, "Read 20 pages", cancellationToken);

        var login = 0;
        async Task LoginAsync(int daysAgo) =>
            await engine.RecordAsync(
                new DomainEvent(userId, EventTypes.UserLoggedIn, At(today, daysAgo, hour: 8), IdempotencyKey: $"seed:login:{++login}"), cancellationToken);

        await LoginAsync(42);
        await wins.LogAtAsync(userId, WinTexts[0], "seed:win:0", At(today, 42, hour: 9), cancellationToken);

        var win = 1;
        for (var daysAgo = 27; daysAgo >= 1; daysAgo--)
        {
            if (daysAgo % 2 == 1)
            {
                await LoginAsync(daysAgo);
            }

            if (daysAgo % 3 == 0 && win < WinTexts.Length)
            {
                await wins.LogAtAsync(userId, WinTexts[win], $"seed:win:{win}", At(today, daysAgo, hour: 19), cancellationToken);
                win++;
            }

            if (daysAgo % 4 != 0)
            {
                await habits.CompleteOnAsync(userId, walk, today.AddDays(-daysAgo), At(today, daysAgo, hour: 7), cancellationToken);
            }

            if (daysAgo % 2 == 0)
            {
                await habits.CompleteOnAsync(userId, read, today.AddDays(-daysAgo), At(today, daysAgo, hour: 22), cancellationToken);
            }
        }

        // The past is not news: mark its awards seen so the demo's first visit is not a flood of celebrations.
        await claims.ClaimUnseenAsync(userId, cancellationToken);
    }

    private static DateTimeOffset At(DateOnly today, int daysAgo, int hour) =>
        new(today.AddDays(-daysAgo).ToDateTime(new TimeOnly(hour, 0)), TimeSpan.Zero);
}
