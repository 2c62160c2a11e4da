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

    /// <summary>
    /// Marks onboarding done, then creates the first habit, only for the call that made that mark: two tabs (or a
    /// resubmit) racing here create one habit, whatever the interleaving, because the database decides who claimed it.
    /// </summary>
    public async Task CompleteAsync(string userId, string firstHabitName, CancellationToken cancellationToken = default)
    {
        TextLimit.HabitName.Require(firstHabitName, nameof(firstHabitName));
        if (!await ClaimAsync(userId, cancellationToken))
        {
            return;
        }

        try
        {
            await habits.CreateAsync(userId, firstHabitName, cancellationToken);
        }
        catch
        {
            // Without its habit the tour is not finished: open it again, so the next attempt can make the habit.
            await ReleaseAsync(userId);
            throw;
        }
    }

    private async Task<bool> ClaimAsync(string userId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        using (await writeGate.EnterAsync(cancellationToken))
        {
            return await db.Database.ExecuteSqlAsync($"""
                INSERT INTO user_profiles (user_id, onboarded_at) VALUES ({userId}, {clock.UtcNow.ToUnixTimeMilliseconds()})
                ON CONFLICT (user_id) DO UPDATE SET onboarded_at = excluded.onboarded_at WHERE user_profiles.onboarded_at IS NULL
                """, cancellationToken) == 1;
        }
    }

    private async Task ReleaseAsync(string userId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        using (await writeGate.EnterAsync(CancellationToken.None))
        {
            await db.UserProfiles.Where(p => p.UserId == userId).ExecuteUpdateAsync(set => set.SetProperty(p => p.OnboardedAt, (DateTimeOffset?)null));
        }
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
