using MilestonesApp.Engine;

namespace MilestonesApp.Tests.Shared;

/// <summary>What tests say about awards: which recording granted one, and which event its receipt names.</summary>
public static class AwardAssertions
{
    /// <summary>
    /// Recording <paramref name="awardedBy"/> reported the milestone as new, and the stored award names
    /// <paramref name="achievedBy"/> as the event that completed it, at <paramref name="achievedAt"/>.
    /// </summary>
    public static async Task AssertAwardedAsync(
        this EngineHost host, string userId, string code, EngineResult awardedBy, EngineResult achievedBy, DateTimeOffset achievedAt)
    {
        Assert.Contains(awardedBy.NewlyAwarded, award => award.Code == code);
        var award = await host.AwardOfAsync(userId, code);
        Assert.NotNull(award);
        Assert.Equal(awardedBy.EventId, award.AwardedByEventId);
        Assert.Equal(achievedBy.EventId, award.EventId);
        Assert.Equal(achievedAt, award.AchievedAt);
    }

    /// <summary>None of <paramref name="results"/> reported the milestone, and the user does not hold it.</summary>
    public static async Task AssertNotAwardedAsync(this EngineHost host, string userId, string code, params EngineResult[] results)
    {
        Assert.DoesNotContain(results.SelectMany(result => result.NewlyAwarded), award => award.Code == code);
        Assert.Null(await host.AwardOfAsync(userId, code));
    }
}
