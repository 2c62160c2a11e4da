using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using MilestonesApp.Data;
using MilestonesApp.Engine;
using MilestonesApp.Tests.Shared;
using Npgsql;

namespace MilestonesApp.Tests.Data;

public sealed class AwardConstraintTests
{
    private const int SqliteConstraint = 19;

    [Theory, OnEachProvider]
    public async Task The_database_refuses_a_second_award_of_a_milestone_to_a_user(DatabaseProvider provider)
    {
        await using var host = await EngineHost.StartAsync(provider);
        await host.RecordAsync("user-1", EventTypes.WinLogged, EngineHost.Now);
        var award = await host.AwardOfAsync("user-1", "first_win");
        Assert.NotNull(award);

        var refused = await Assert.ThrowsAnyAsync<DbException>(() => InsertAwardAsync(host, "user-1", award.MilestoneId, award.EventId!.Value));

        if (refused is SqliteException sqlite)
        {
            Assert.Equal(SqliteConstraint, sqlite.SqliteErrorCode);
            Assert.Contains("UNIQUE constraint failed: user_milestones.user_id, user_milestones.milestone_id", sqlite.Message, StringComparison.Ordinal);
        }
        else
        {
            var postgres = Assert.IsType<PostgresException>(refused);
            Assert.Equal(PostgresErrorCodes.UniqueViolation, postgres.SqlState);
            Assert.Equal("ix_user_milestones_user_id_milestone_id", postgres.ConstraintName);
        }

        Assert.Equal(award.Id, (await host.AwardOfAsync("user-1", "first_win"))!.Id);
    }

    [Theory, OnEachProvider]
    public async Task The_same_milestone_may_be_awarded_to_another_user(DatabaseProvider provider)
    {
        await using var host = await EngineHost.StartAsync(provider);
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
