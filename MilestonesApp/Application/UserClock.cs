using Microsoft.EntityFrameworkCore;
using MilestonesApp.Data;

namespace MilestonesApp.Application;

/// <summary>A person's time: the clock read in the time zone their browser reported, UTC until it has.</summary>
public sealed class UserClock(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time)
{
    public DateTimeOffset UtcNow => time.GetUtcNow();

    public async Task<TimeZoneInfo> ZoneOfAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var zone = await db.UserProfiles.Where(p => p.UserId == userId).Select(p => p.TimeZone).SingleOrDefaultAsync(cancellationToken);
        return ResolveZone(zone) ?? TimeZoneInfo.Utc;
    }

    public async Task<DateOnly> TodayAsync(string userId, CancellationToken cancellationToken = default) =>
        DayOf(UtcNow, await ZoneOfAsync(userId, cancellationToken));

    /// <summary>The zone for an IANA id, or null when the id is missing or unknown to this machine.</summary>
    public static TimeZoneInfo? ResolveZone(string? timeZoneId) =>
        !string.IsNullOrWhiteSpace(timeZoneId) && TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out var zone) ? zone : null;

    public static DateOnly DayOf(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
}
