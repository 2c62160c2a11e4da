using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MilestonesApp.Application.Accounts;
using MilestonesApp.Application.Receipts;
using MilestonesApp.Data;
using MilestonesApp.Tests.Shared;

namespace MilestonesApp.Tests.Application;

public sealed class DevelopmentAccountsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Development_seeds_a_demo_with_receipts_and_an_admin_in_the_admin_role()
    {
        await using var app = new MilestonesAppFactory();
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();

        var demo = await users.FindByEmailAsync(DevelopmentAccounts.DemoEmail);
        var admin = await users.FindByEmailAsync(DevelopmentAccounts.AdminEmail);

        Assert.NotNull(demo);
        Assert.True(await users.CheckPasswordAsync(demo, DevelopmentAccounts.Password));
        Assert.True(await users.IsInRoleAsync(admin!, AppRoles.Admin));
        Assert.False(await users.IsInRoleAsync(demo, AppRoles.Admin));
        var receipts = await scope.ServiceProvider.GetRequiredService<ReceiptService>().ListAsync(demo.Id, Ct);
        Assert.Contains(receipts, r => r.Code == "first_win" && r.IsEarned);
        Assert.Contains(receipts, r => r.Code == "welcome_back_14" && r.IsEarned);
        Assert.Contains(receipts, r => r.Code == "wins_10" && r.Progress is { Current: 9, Target: 10 });
    }

    [Fact]
    public async Task Starting_again_on_the_same_database_seeds_nothing_more()
    {
        using var database = new TemporarySqliteDatabase();
        (int, int, int, int, int) first;
        await using (var app = MilestonesAppFactory.OnDatabase(database))
        {
            first = await CountRowsAsync(app);
        }

        await using var restarted = MilestonesAppFactory.OnDatabase(database);

        Assert.Equal(first, await CountRowsAsync(restarted));
    }

    [Fact]
    public async Task Outside_development_no_account_exists()
    {
        await using var app = new ProductionAppFactory();
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);

        Assert.Equal(0, await db.Users.CountAsync(Ct));
        Assert.Equal(0, await db.Events.CountAsync(Ct));
    }

    private static async Task<(int Users, int Events, int Wins, int Habits, int Awards)> CountRowsAsync(MilestonesAppFactory app)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);
        return (await db.Users.CountAsync(Ct), await db.Events.CountAsync(Ct), await db.Wins.CountAsync(Ct),
            await db.Habits.CountAsync(Ct), await db.UserMilestones.CountAsync(Ct));
    }
}
