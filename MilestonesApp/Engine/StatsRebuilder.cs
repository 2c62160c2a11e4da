using Microsoft.EntityFrameworkCore;
using MilestonesApp.Data;
using MilestonesApp.Data.Entities;

namespace MilestonesApp.Engine;

/// <summary>
/// Recomputes <c>user_stats</c> from the events with <see cref="StatsProjection.Apply"/>: the repair for a stats row that
/// drifted (a restored backup, a hand edit), and the reference the engine's incremental upsert is tested against.
/// </summary>
internal sealed class StatsRebuilder(IDbContextFactory<EngineDbContext> dbFactory, DatabaseWriteGate writeGate)
{
    /// <summary>Rewrites the user's stats row as the fold of their events; a user without events is left without a row.</summary>
    public async Task<UserStatsSnapshot?> RebuildAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);

        // Gated (SQLite) and in one transaction like an event write, so no event lands between the read and the
        // rewrite. On PostgreSQL the user's stats row is locked first, as an event's upsert does: an event already
        // past its upsert commits before the read, one not yet there adds its delta to the rewritten row.
        using var writing = await writeGate.EnterAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO user_stats (user_id, login_count, total_wins, total_habits_completed) VALUES ({userId}, 0, 0, 0) ON CONFLICT (user_id) DO UPDATE SET login_count = user_stats.login_count",
            cancellationToken);
        var events = await db.Events.AsNoTracking()
            .Where(e => e.UserId == userId)
            .OrderBy(e => e.OccurredAt).ThenBy(e => e.Id)
            .Select(e => new { e.EventType, e.OccurredAt })
            .ToListAsync(cancellationToken);
        var stats = events.Count == 0
            ? null
            : events.Aggregate(UserStatsSnapshot.Empty(userId), (folded, e) => StatsProjection.Apply(folded, e.EventType, e.OccurredAt));

        var row = await db.UserStats.SingleOrDefaultAsync(s => s.UserId == userId, cancellationToken);
        if (stats is null)
        {
            if (row is not null)
            {
                db.UserStats.Remove(row);
            }
        }
        else
        {
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
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return stats;
    }

    /// <summary>Rebuilds every user who has events or a stats row, one transaction each; returns how many.</summary>
    public async Task<int> RebuildAllAsync(CancellationToken cancellationToken = default)
    {
        List<string> userIds;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            userIds = await db.Events.Select(e => e.UserId)
                .Union(db.UserStats.Select(s => s.UserId))
                .ToListAsync(cancellationToken);
        }

        foreach (var userId in userIds)
        {
            await RebuildAsync(userId, cancellationToken);
        }

        return userIds.Count;
    }
}
