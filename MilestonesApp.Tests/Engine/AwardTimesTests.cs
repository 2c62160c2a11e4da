using Microsoft.EntityFrameworkCore;
using MilestonesApp.Data;
using MilestonesApp.Engine;
using MilestonesApp.Tests.Shared;

namespace MilestonesApp.Tests.Engine;

/// <summary>
/// Each award the engine reports carries both of its times, so a caller (the events API) needs no read of its own:
/// when its condition first held, as its receipt says, and when it was granted.
/// </summary>
public sealed class AwardTimesTests
{
    [Theory, OnEachProvider]
    public async Task Each_award_reports_when_it_was_achieved_as_its_receipt_says_also_on_a_retry(DatabaseProvider provider)
    {
        await using var host = await EngineHost.StartAsync(provider);
        var occurredAt = EngineHost.Now.AddDays(-3).AddTicks(1234);

        var recorded = await host.RecordAsync("user-1", EventTypes.WinLogged, occurredAt, "win-1");
        var retried = await host.RecordAsync("user-1", EventTypes.WinLogged, occurredAt, "win-1");

        var receipts = await host.QueryAsync((db, cancellationToken) => db.UserMilestones.AsNoTracking()
            .Where(a => a.UserId == "user-1")
            .Select(a => new { a.Milestone!.Code, a.AchievedAt, a.AwardedAt })
            .ToListAsync(cancellationToken));
        Assert.NotEmpty(recorded.NewlyAwarded);
        Assert.True(retried.WasDuplicate);
        Assert.Equal(recorded.NewlyAwarded.Select(a => a.Code), retried.NewlyAwarded.Select(a => a.Code));
        foreach (var award in recorded.NewlyAwarded.Concat(retried.NewlyAwarded))
        {
            var receipt = receipts.Single(r => r.Code == award.Code);
            Assert.Equal(receipt.AchievedAt, award.AchievedAt);
            Assert.Equal(receipt.AwardedAt, award.AwardedAt);
            Assert.NotEqual(award.AwardedAt, award.AchievedAt);
        }
    }
}
