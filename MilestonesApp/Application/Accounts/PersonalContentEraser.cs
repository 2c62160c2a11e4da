using Microsoft.EntityFrameworkCore;
using MilestonesApp.Data;
using MilestonesApp.Engine;

namespace MilestonesApp.Application.Accounts;

/// <summary>
/// What deleting an account erases beside the Identity user: the words a person wrote (wins, habit names) and what
/// the app remembered about them (profile). The engine's events, stats and awards stay: they carry no personal text,
/// only the now orphaned opaque user id, and no code path deletes an award.
/// </summary>
public sealed class PersonalContentEraser(AppWritePath writes)
{
    public Task EraseAsync(string userId, CancellationToken cancellationToken = default) =>
        writes.WriteAsync(async (db, token) =>
        {
            await db.Wins.Where(w => w.UserId == userId).ExecuteDeleteAsync(token);
            await db.Habits.Where(h => h.UserId == userId).ExecuteDeleteAsync(token);
            return await db.UserProfiles.Where(p => p.UserId == userId).ExecuteDeleteAsync(token);
        }, cancellationToken);
}
