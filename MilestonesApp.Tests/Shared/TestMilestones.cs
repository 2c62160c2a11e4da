using MilestonesApp.Engine;
using MilestonesApp.Engine.Rules;

namespace MilestonesApp.Tests.Shared;

/// <summary>Valid milestone definitions for tests, one factory per rule type; adjust the rest with <c>with</c>.</summary>
public static class TestMilestones
{
    public static MilestoneDefinition Count(string code, string field, int threshold, string? trigger = null) => Define(
        code, trigger ?? StatsCounters.EventCountedBy(field), CountRule.TypeName, $$"""{"field":"{{field}}","threshold":{{threshold}}}""");

    public static MilestoneDefinition WindowCount(string code, string eventType, int count, int windowDays, string? trigger = null) => Define(
        code, trigger ?? eventType, WindowCountRule.TypeName, $$"""{"event":"{{eventType}}","count":{{count}},"window_days":{{windowDays}}}""");

    public static MilestoneDefinition ReturnAfterGap(string code, int gapDays) => Define(
        code, EventTypes.UserLoggedIn, ReturnAfterGapRule.TypeName, $$"""{"gap_days":{{gapDays}}}""");

    public static MilestoneDefinition AllOf(string code, string[] milestones, int? count = null) => Define(
        code, EventTypes.UserLoggedIn, AllOfRule.TypeName,
        $$"""{"milestones":[{{string.Join(",", milestones.Select(m => $"\"{m}\""))}}]{{(count is { } n ? $",\"count\":{n}" : "")}}}""");

    private static MilestoneDefinition Define(string code, string trigger, string ruleType, string ruleData) =>
        new(code, $"Title of {code}", $"Description of {code}", "⭐", trigger, ruleType, ruleData);
}
