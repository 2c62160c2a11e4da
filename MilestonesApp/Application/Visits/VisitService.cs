using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MilestonesApp.Application.Awards;
using MilestonesApp.Data;
using MilestonesApp.Engine;

namespace MilestonesApp.Application.Visits;

/// <summary>
/// Logins as events: one when a person signs in, and one when a signed-in person opens the app after the idle gap,
/// so that people with a remembered cookie are welcomed back too.
/// </summary>
public sealed class VisitService(
    IDbContextFactory<AppDbContext> dbFactory,
    IMilestoneEngine engine,
    IEngineReads reads,
    AppWritePath writes,
    AwardClaims claims,
    UserClock clock,
    IOptions<VisitOptions> options)
{
    /// <summary>
    /// Records the sign-in. <paramref name="attemptId"/> names the sign-in form, so a resubmitted form counts once.
    /// Its awards stay unseen: the sign-in page cannot celebrate, the app does when it opens.
    /// </summary>
    public async Task RecordSignInAsync(string userId, Guid attemptId, CancellationToken cancellationToken = default) =>
        await engine.RecordOnceAsync(
            new DomainEvent(userId, EventTypes.UserLoggedIn, clock.UtcNow, IdempotencyKey: $"signin:{attemptId:N}"), cancellationToken);

    /// <summary>
    /// The app was opened: counts a return after the idle gap as a login, remembers the browser's time zone, and
    /// returns every award the person has not yet seen (including the return's own catch-up awards) to celebrate.
    /// </summary>
    public async Task<IReadOnlyList<AwardedMilestone>> OpenAppAsync(string userId, string? browserTimeZone, CancellationToken cancellationToken = default)
    {
        var now = clock.UtcNow;
        var zone = UserClock.ResolveZone(browserTimeZone)?.Id;
        var idleSince = await IdleSinceAsync(userId, cancellationToken);
        if (idleSince is null || now - idleSince >= options.Value.IdleGap)
        {
            // The key names the absence that ended, so two tabs opened together after it record one login. The visit is
            // remembered with its login, or neither is.
            var key = $"return:{idleSince?.ToUnixTimeMilliseconds() ?? 0}";
            await writes.RecordOnceAsync(
                new DomainEvent(userId, EventTypes.UserLoggedIn, now, IdempotencyKey: key),
                (db, _, token) => RememberVisitAsync(db, userId, zone, now, token),
                cancellationToken);
        }
        else
        {
            await writes.WriteAsync((db, token) => RememberVisitAsync(db, userId, zone, now, token), cancellationToken);
        }

        return await claims.ClaimUnseenAsync(userId, cancellationToken);
    }

    private static Task<int> RememberVisitAsync(AppDbContext db, string userId, string? zone, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"""
            INSERT INTO user_profiles (user_id, time_zone, last_seen_at) VALUES ({userId}, {zone}, {now.ToUnixTimeMilliseconds()})
            ON CONFLICT (user_id) DO UPDATE SET
                last_seen_at = excluded.last_seen_at,
                time_zone = coalesce(excluded.time_zone, user_profiles.time_zone)
            """, cancellationToken);

    // Any recorded activity (a sign-in, a win) also ends an absence, not only opening the app.
    private async Task<DateTimeOffset?> IdleSinceAsync(string userId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var lastSeen = await db.UserProfiles.Where(p => p.UserId == userId).Select(p => p.LastSeenAt).SingleOrDefaultAsync(cancellationToken);
        var lastActivity = (await reads.StatsAsync(userId, cancellationToken)).LastActivityAt;
        return lastSeen > lastActivity || lastActivity is null ? lastSeen : lastActivity;
    }
}
