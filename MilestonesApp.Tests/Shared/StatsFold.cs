using Microsoft.EntityFrameworkCore;
using MilestonesApp.Data.Entities;
using MilestonesApp.Engine;

namespace MilestonesApp.Tests.Shared;

/// <summary>A user's stats as the fold of their stored events (<see cref="StatsProjection.Apply"/>): what the engine's upsert must keep.</summary>
public static class StatsFold
{
    public static Task<UserStatsSnapshot?> FoldOfEventsAsync(this EngineHost host, string userId) => host.QueryAsync(async (db, token) =>
    {
        var events = await db.Events.AsNoTracking()
            .Where(e => e.UserId == userId)
            .OrderBy(e => e.OccurredAt).ThenBy(e => e.Id)
            .Select(e => new { e.EventType, e.OccurredAt })
            .ToListAsync(token);
        return events.Count == 0
            ? null
            : events.Aggregate(UserStatsSnapshot.Empty(userId), (folded, e) => StatsProjection.Apply(folded, e.EventType, e.OccurredAt));
    });

    /// <summary>Writes the user's stats row as the fold of their events, for a test that loaded events past the engine.</summary>
    public static async Task SetStatsToFoldOfEventsAsync(this EngineHost host, string userId)
    {
        var stats = await host.FoldOfEventsAsync(userId) ?? throw new InvalidOperationException($"{userId} has no events.");
        await host.QueryAsync(async (db, token) =>
        {
            var row = await db.UserStats.SingleOrDefaultAsync(s => s.UserId == userId, token);
            if (row is null)
            {
                row = new UserStats { UserId = userId };
                db.UserStats.Add(row);
            }

            row.LoginCount = stats.LoginCount;
            row.TotalWins = stats.TotalWins;
            row.TotalHabitsCompleted = stats.TotalHabitsCompleted;
            row.LastLoginAt = stats.LastLoginAt;
            row.LastActivityAt = stats.LastActivityAt;
            return await db.SaveChangesAsync(token);
        });
    }
}
