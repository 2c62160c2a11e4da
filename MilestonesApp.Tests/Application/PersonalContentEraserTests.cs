using Microsoft.EntityFrameworkCore;
using MilestonesApp.Application.Accounts;
using MilestonesApp.Application.Habits;
using MilestonesApp.Application.Visits;
using MilestonesApp.Application.Wins;
using MilestonesApp.Data;
using MilestonesApp.Tests.Shared;

namespace MilestonesApp.Tests.Application;

public sealed class PersonalContentEraserTests
{
    private const string Leaving = "user-leaving";
    private const string Staying = "user-staying";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Erasing_removes_the_persons_words_and_profile_and_keeps_the_engine_rows_and_everyone_else()
    {
        await using var host = await ApplicationHost.StartAsync();
        foreach (var user in new[] { Leaving, Staying })
        {
            await host.Get<VisitService>().OpenAppAsync(user, "Europe/Berlin", Ct);
            await host.Get<WinService>().LogAsync(user, "Finished the book", Guid.NewGuid(), Ct);
            var habit = await host.Get<HabitService>().CreateAsync(user, "Stretch", Ct);
            await host.Get<HabitService>().CompleteTodayAsync(user, habit, Ct);
        }

        var before = await host.QueryAsync((db, _) => RowsOfAsync(db, Leaving));

        await host.Get<PersonalContentEraser>().EraseAsync(Leaving, Ct);

        var after = await host.QueryAsync((db, _) => RowsOfAsync(db, Leaving));
        Assert.Equal((0, 0, 0), (after.Wins, after.Habits, after.Profiles));
        Assert.Equal((before.Events, before.Awards), (after.Events, after.Awards));
        Assert.True(after.Events > 0 && after.Awards > 0);
        Assert.Equal((1, 1, 1), await host.QueryAsync(async (db, _) =>
        {
            var staying = await RowsOfAsync(db, Staying);
            return (staying.Wins, staying.Habits, staying.Profiles);
        }));
    }

    private static async Task<(int Wins, int Habits, int Profiles, int Events, int Awards)> RowsOfAsync(AppDbContext db, string userId) => (
        await db.Wins.CountAsync(w => w.UserId == userId, Ct),
        await db.Habits.CountAsync(h => h.UserId == userId, Ct),
        await db.UserProfiles.CountAsync(p => p.UserId == userId, Ct),
        await db.Events.CountAsync(e => e.UserId == userId, Ct),
        await db.UserMilestones.CountAsync(a => a.UserId == userId, Ct));
}
