using System.Text.Json.Nodes;
using MilestonesApp.Engine;

namespace MilestonesApp.Benchmarks.Fixtures;

/// <summary>
/// Extra milestones on top of the 13 seeded ones, cycling through every rule type with parameters on a widening ladder,
/// so some are held early, some late and some never: the mix that makes catch-up read history.
/// </summary>
internal static class BenchmarkMilestones
{
    private static readonly string[] Counters = [StatsCounters.TotalWins, StatsCounters.TotalHabitsCompleted, StatsCounters.LoginCount];
    private static readonly string[] WindowEvents = [EventTypes.WinLogged, EventTypes.HabitCompleted];

    public static async Task AddAsync(IMilestoneCatalog catalog, int count)
    {
        for (var i = 0; i < count; i++)
        {
            await catalog.SaveAsync(Generate(i));
        }
    }

    public static MilestoneDefinition Generate(int index)
    {
        var step = index / 5;
        return (index % 5) switch
        {
            < 3 and var counter => Count(index, Counters[counter], (int)Math.Min(1_000_000, Math.Round(3 * Math.Pow(1.5, step)))),
            3 => Window(index, WindowEvents[step % 2], count: Math.Min(100_000, 2 + 3 * step), windowDays: 1 + step * 7 % 90),
            _ => Define(index, EventTypes.UserLoggedIn, "return_after_gap", new JsonObject { ["gap_days"] = 1 + step * 3 % 120 }),
        };
    }

    public static MilestoneDefinition Count(int index, string counter, int threshold) =>
        Define(index, StatsCounters.EventCountedBy(counter), "count", new JsonObject { ["field"] = counter, ["threshold"] = threshold });

    public static MilestoneDefinition Window(int index, string eventType, int count, int windowDays) =>
        Define(index, eventType, "window_count", new JsonObject { ["event"] = eventType, ["count"] = count, ["window_days"] = windowDays });

    private static MilestoneDefinition Define(int index, string trigger, string ruleType, JsonObject ruleData) => new(
        Code: $"bench_{ruleType}_{index}",
        Title: $"Benchmark milestone {index}",
        Description: $"A generated {ruleType} milestone.",
        Icon: "⭐",
        TriggerEvent: trigger,
        RuleType: ruleType,
        RuleData: ruleData.ToJsonString());
}
