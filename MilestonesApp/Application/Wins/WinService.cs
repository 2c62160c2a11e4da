using Microsoft.EntityFrameworkCore;
using MilestonesApp.Application.Awards;
using MilestonesApp.Data;
using MilestonesApp.Engine;

namespace MilestonesApp.Application.Wins;

/// <summary>Logging wins: each one is a <c>WinLogged</c> event for the engine and a row of text for the person.</summary>
public sealed class WinService(
    IDbContextFactory<AppDbContext> dbFactory,
    AppWritePath writes,
    AwardClaims claims,
    IEngineReads engine,
    UserClock clock)
{
    /// <summary>
    /// Logs a win now. <paramref name="submissionId"/> names the form submission, so a double click or a retry stores
    /// one win. Returns the awards this call should celebrate.
    /// </summary>
    public Task<IReadOnlyList<AwardedMilestone>> LogAsync(string userId, string text, Guid submissionId, CancellationToken cancellationToken = default) =>
        LogAtAsync(userId, text, $"win:{submissionId:N}", clock.UtcNow, cancellationToken);

    internal async Task<IReadOnlyList<AwardedMilestone>> LogAtAsync(
        string userId, string text, string idempotencyKey, DateTimeOffset occurredAt, CancellationToken cancellationToken = default)
    {
        var trimmed = TextLimit.Win.Require(text, nameof(text));
        // The win's text commits with its event, or neither does. Keyed by the event, so a retried submission whose
        // event was a duplicate adds no second row.
        var result = await writes.RecordOnceAsync(
            new DomainEvent(userId, EventTypes.WinLogged, occurredAt, IdempotencyKey: idempotencyKey),
            (db, eventId, token) => db.Database.ExecuteSqlAsync($"""
                INSERT INTO wins (user_id, text, logged_at, event_id)
                VALUES ({userId}, {trimmed}, {occurredAt.ToUnixTimeMilliseconds()}, {eventId})
                ON CONFLICT (event_id) DO NOTHING
                """, token),
            cancellationToken);

        return result.WasDuplicate ? [] : await claims.ClaimAsync(userId, result.NewlyAwarded, cancellationToken);
    }

    /// <summary>
    /// Every win the engine counts for the person, those with a text here and those recorded by another app or an import
    /// (which milestones count too).
    /// </summary>
    public async Task<long> TotalAsync(string userId, CancellationToken cancellationToken = default) =>
        (await engine.StatsAsync(userId, cancellationToken)).TotalWins;

    /// <summary>The person's latest wins, newest first.</summary>
    public async Task<IReadOnlyList<WinEntry>> RecentAsync(string userId, int count, CancellationToken cancellationToken = default)
    {
        var zone = await clock.ZoneOfAsync(userId, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var wins = await db.Wins.AsNoTracking()
            .Where(w => w.UserId == userId)
            .OrderByDescending(w => w.LoggedAt).ThenByDescending(w => w.Id)
            .Take(count)
            .ToListAsync(cancellationToken);
        return wins.ConvertAll(w => new WinEntry(w.Id, w.Text, TimeZoneInfo.ConvertTime(w.LoggedAt, zone)));
    }
}
