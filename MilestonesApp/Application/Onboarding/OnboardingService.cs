using Microsoft.EntityFrameworkCore;
using MilestonesApp.Application.Habits;
using MilestonesApp.Data;
using MilestonesApp.Engine;

namespace MilestonesApp.Application.Onboarding;

/// <summary>The first visit's short tour, shown once per person: it ends by creating their first habit.</summary>
public sealed class OnboardingService(IDbContextFactory<AppDbContext> dbFactory, AppWritePath writes, HabitService habits, UserClock clock)
{
    public async Task<bool> IsDoneAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.UserProfiles.AnyAsync(p => p.UserId == userId && p.OnboardedAt != null, cancellationToken);
    }

    /// <summary>
    /// Marks onboarding done and creates the first habit, in one write, the habit only for the call that made that mark:
    /// two tabs (or a resubmit) racing here create one habit, whatever the interleaving, because the database decides
    /// who claimed it; and a tour is never marked done without its habit.
    /// </summary>
    public async Task CompleteAsync(string userId, string firstHabitName, CancellationToken cancellationToken = default)
    {
        var name = TextLimit.HabitName.Require(firstHabitName, nameof(firstHabitName));
        var now = clock.UtcNow.ToUnixTimeMilliseconds();
        await writes.WriteAsync(async (db, token) =>
        {
            var claimed = await db.Database.ExecuteSqlAsync($"""
                INSERT INTO user_profiles (user_id, onboarded_at) VALUES ({userId}, {now})
                ON CONFLICT (user_id) DO UPDATE SET onboarded_at = excluded.onboarded_at WHERE user_profiles.onboarded_at IS NULL
                """, token) == 1;
            return claimed ? await habits.AddAsync(db, userId, name, token) : (long?)null;
        }, cancellationToken);
    }

    internal async Task MarkDoneAsync(string userId, CancellationToken cancellationToken = default)
    {
        var now = clock.UtcNow.ToUnixTimeMilliseconds();
        await writes.WriteAsync((db, token) => db.Database.ExecuteSqlAsync($"""
            INSERT INTO user_profiles (user_id, onboarded_at) VALUES ({userId}, {now})
            ON CONFLICT (user_id) DO UPDATE SET onboarded_at = coalesce(user_profiles.onboarded_at, excluded.onboarded_at)
            """, token), cancellationToken);
    }
}
