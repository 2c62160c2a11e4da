using Microsoft.EntityFrameworkCore;
using MilestonesApp.Application.Habits;
using MilestonesApp.Data;
using MilestonesApp.Engine;

namespace MilestonesApp.Application.Onboarding;

/// <summary>The first visit's short tour, shown once per person: it ends by creating their first habit.</summary>
public sealed class OnboardingService(IDbContextFactory<AppDbContext> dbFactory, HabitService habits, UserClock clock, DatabaseWriteGate writeGate)
{
    public async Task<bool> IsDoneAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.UserProfiles.AnyAsync(p => p.UserId == userId && p.OnboardedAt != null, cancellationToken);
    }

    /// <summary>Creates the first habit and marks onboarding done; a second call (another tab, a resubmit) creates nothing.</summary>
    public async Task CompleteAsync(string userId, string firstHabitName, CancellationToken cancellationToken = default)
    {
        TextLimit.HabitName.Require(firstHabitName, nameof(firstHabitName));
        if (await IsDoneAsync(userId, cancellationToken))
        {
            return;
        }

        await habits.CreateAsync(userId, firstHabitName, cancellationToken);
        await MarkDoneAsync(userId, cancellationToken);
    }

    internal async Task MarkDoneAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        using (await writeGate.EnterAsync(cancellationToken))
        {
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO user_profiles (user_id, onboarded_at) VALUES ({userId}, {clock.UtcNow.ToUnixTimeMilliseconds()})
                ON CONFLICT (user_id) DO UPDATE SET onboarded_at = coalesce(user_profiles.onboarded_at, excluded.onboarded_at)
                """, cancellationToken);
        }
    }
}
