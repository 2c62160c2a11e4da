using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using MilestonesApp.Application.Accounts;
using MilestonesApp.Components.Account;
using MilestonesApp.Data;
using MilestonesApp.Tests.Shared;

namespace MilestonesApp.Tests.Application;

public sealed class ConfiguredAdminsTests
{
    private const string Operator = "ops@example.com";
    private const string Someone = "someone@example.com";

    [Fact]
    public async Task Outside_development_a_listed_account_becomes_admin_at_the_next_start_and_nobody_else_does()
    {
        using var database = new TemporarySqliteDatabase();
        await using (var first = MilestonesAppFactory.OnDatabase(database, "Production"))
        {
            first.Settings[$"{ConfiguredAdmins.Section}:0"] = Operator;
            var users = first.Services.CreateScope().ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            Assert.Null(await users.FindByEmailAsync(Operator));
            await RegisterAsync(users, Operator);
            await RegisterAsync(users, Someone);
            Assert.False(await users.IsInRoleAsync((await users.FindByEmailAsync(Operator))!, AppRoles.Admin));
        }

        await using var restarted = MilestonesAppFactory.OnDatabase(database, "Production");
        restarted.Settings[$"{ConfiguredAdmins.Section}:0"] = Operator;
        var restartedUsers = restarted.Services.CreateScope().ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();

        Assert.True(await restartedUsers.IsInRoleAsync((await restartedUsers.FindByEmailAsync(Operator))!, AppRoles.Admin));
        Assert.False(await restartedUsers.IsInRoleAsync((await restartedUsers.FindByEmailAsync(Someone))!, AppRoles.Admin));
        Assert.Null(await restartedUsers.FindByEmailAsync(DevelopmentAccounts.AdminEmail));
    }

    private static async Task RegisterAsync(UserManager<ApplicationUser> users, string email)
    {
        var result = await users.CreateAsync(new ApplicationUser { UserName = email, Email = email }, "A-long-passphrase-1");
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
    }
}
