using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using MilestonesApp.Engine;
using MilestonesApp.Tests.Shared;

namespace MilestonesApp.Tests.Data;

public sealed class AwardConstraintTests
{
    private const int SqliteConstraint = 19;

    [Fact]
    public async Task The_database_refuses_a_second_award_of_a_milestone_to_a_user()
    {
        await using var host = await EngineHost.StartAsync();
        await host.RecordAsync("user-1", EventTypes.WinLogged, EngineHost.Now);
        var award = await host.AwardOfAsync("user-1", "first_win");
        Assert.NotNull(award);

        var refused = await Assert.ThrowsAsync<SqliteException>(() => InsertAwardAsync(host, "user-1", award.MilestoneId, award.EventId!.Value));

        Assert.Equal(SqliteConstraint, refused.SqliteErrorCode);
        Assert.Contains("UNIQUE constraint failed: user_milestones.user_id, user_milestones.milestone_id", refused.Message, StringComparison.Ordinal);
        Assert.Equal(award.Id, (await host.AwardOfAsync("user-1", "first_win"))!.Id);
    }

    [Fact]
    public async Task The_same_milestone_may_be_awarded_to_another_user()
    {
        await using var host = await EngineHost.StartAsync();
        await host.RecordAsync("user-1", EventTypes.WinLogged, EngineHost.Now);
        var award = await host.AwardOfAsync("user-1", "first_win");
        Assert.NotNull(award);

        await InsertAwardAsync(host, "user-2", award.MilestoneId, award.EventId!.Value);

        Assert.Single(await host.AwardsOfAsync("user-2"));
    }

    private static Task<int> InsertAwardAsync(EngineHost host, string userId, int milestoneId, long eventId) =>
        host.QueryAsync((db, cancellationToken) => db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO user_milestones (user_id, milestone_id, event_id, achieved_at, awarded_at)
            VALUES ({userId}, {milestoneId}, {eventId}, {EngineHost.Now.ToUnixTimeMilliseconds()}, {EngineHost.Now.ToUnixTimeMilliseconds()})
            """,
            cancellationToken));
}
