using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using MilestonesApp.Application.Awards;
using MilestonesApp.Data;
using MilestonesApp.Data.Entities;
using MilestonesApp.Engine;

namespace MilestonesApp.Application.Habits;

/// <summary>Habits a person keeps: create, rename, archive, and mark done once per day of their own.</summary>
public sealed class HabitService(
    IDbContextFactory<AppDbContext> dbFactory,
    IEngineReads engine,
    AppWritePath writes,
    AwardClaims claims,
    UserClock clock)
{
    /// <summary>The idempotency key of a habit's completion on a day: the same day can hold it once.</summary>
    public static string CompletionKey(long habitId, DateOnly day) =>
        string.Create(CultureInfo.InvariantCulture, $"habit:{habitId}:{day:yyyy-MM-dd}");

    public async Task<IReadOnlyList<TodayHabit>> ListTodayAsync(string userId, CancellationToken cancellationToken = default)
    {
        var today = await clock.TodayAsync(userId, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var habits = await db.Habits.AsNoTracking()
            .Where(h => h.UserId == userId && h.ArchivedAt == null)
            .OrderBy(h => h.Id)
            .ToListAsync(cancellationToken);
        var keys = habits.ConvertAll(h => CompletionKey(h.Id, today));
        var done = await engine.StoredKeysAsync(userId, keys, cancellationToken);
        return habits.ConvertAll(h => new TodayHabit(h.Id, h.Name, done.Contains(CompletionKey(h.Id, today))));
    }

    public async Task<long> CreateAsync(string userId, string name, CancellationToken cancellationToken = default)
    {
        var trimmed = TextLimit.HabitName.Require(name, nameof(name));
        return await writes.WriteAsync((db, token) => AddAsync(db, userId, trimmed, token), cancellationToken);
    }

    public async Task RenameAsync(string userId, long habitId, string name, CancellationToken cancellationToken = default)
    {
        var trimmed = TextLimit.HabitName.Require(name, nameof(name));
        await writes.WriteAsync((db, token) => db.Habits.Where(h => h.Id == habitId && h.UserId == userId)
            .ExecuteUpdateAsync(set => set.SetProperty(h => h.Name, trimmed), token), cancellationToken);
    }

    /// <summary>Hides the habit from today's list. Its completions stay: they are part of the person's history.</summary>
    public async Task ArchiveAsync(string userId, long habitId, CancellationToken cancellationToken = default)
    {
        var now = clock.UtcNow;
        await writes.WriteAsync((db, token) => db.Habits.Where(h => h.Id == habitId && h.UserId == userId && h.ArchivedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(h => h.ArchivedAt, now), token), cancellationToken);
    }

    /// <summary>Adds a habit in the caller's write; <paramref name="name"/> is already checked.</summary>
    internal async Task<long> AddAsync(AppDbContext db, string userId, string name, CancellationToken cancellationToken)
    {
        var habit = new Habit { UserId = userId, Name = name, CreatedAt = clock.UtcNow };
        db.Habits.Add(habit);
        await db.SaveChangesAsync(cancellationToken);
        return habit.Id;
    }

    /// <summary>Marks the habit done for the person's today; a second call that day changes nothing.</summary>
    public async Task<HabitCompletion> CompleteTodayAsync(string userId, long habitId, CancellationToken cancellationToken = default)
    {
        var now = clock.UtcNow;
        var today = UserClock.DayOf(now, await clock.ZoneOfAsync(userId, cancellationToken));
        return await CompleteOnAsync(userId, habitId, today, now, cancellationToken);
    }

    internal async Task<HabitCompletion> CompleteOnAsync(
        string userId, long habitId, DateOnly day, DateTimeOffset occurredAt, CancellationToken cancellationToken = default)
    {
        // The day is done only if the habit is still active when its event commits: an archive cannot come between.
        var result = await writes.RecordOnceAsync(
            new DomainEvent(userId, EventTypes.HabitCompleted, occurredAt, new JsonObject { ["habit_id"] = habitId }, CompletionKey(habitId, day)),
            async (db, _, token) =>
            {
                if (!await db.Habits.AnyAsync(h => h.Id == habitId && h.UserId == userId && h.ArchivedAt == null, token))
                {
                    throw new InvalidOperationException($"Habit {habitId} is not an active habit of this user.");
                }
            },
            cancellationToken);
        return result.WasDuplicate
            ? new HabitCompletion(AlreadyDone: true, [])
            : new HabitCompletion(AlreadyDone: false, await claims.ClaimAsync(userId, result.NewlyAwarded, cancellationToken));
    }
}
