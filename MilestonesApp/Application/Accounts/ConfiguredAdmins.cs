using Microsoft.AspNetCore.Identity;
using MilestonesApp.Components.Account;
using MilestonesApp.Data;

namespace MilestonesApp.Application.Accounts;

/// <summary>
/// How an admin comes to be outside Development, where no account is seeded: the person registers like anyone else,
/// and the operator lists their e-mail address under <c>Milestones:Admins</c>; each start grants those accounts the
/// Admin role. Removing an address does not revoke the role: that stays a deliberate act in the database.
/// </summary>
public static partial class ConfiguredAdmins
{
    public const string Section = "Milestones:Admins";

    public static async Task GrantConfiguredAdminsAsync(this WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        await EnsureAdminRoleAsync(scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>());
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ConfiguredAdmins));
        foreach (var email in app.Configuration.GetSection(Section).Get<string[]>() ?? [])
        {
            if (await users.FindByEmailAsync(email) is not { } user)
            {
                LogNoAccount(logger, email);
            }
            else if (!await users.IsInRoleAsync(user, AppRoles.Admin))
            {
                Check(await users.AddToRoleAsync(user, AppRoles.Admin));
                LogGranted(logger, email);
            }
        }
    }

    internal static async Task EnsureAdminRoleAsync(RoleManager<IdentityRole> roles)
    {
        if (!await roles.RoleExistsAsync(AppRoles.Admin))
        {
            Check(await roles.CreateAsync(new IdentityRole(AppRoles.Admin)));
        }
    }

    internal static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Setting up accounts failed: " + string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Email} is listed in Milestones:Admins and now holds the Admin role.")]
    private static partial void LogGranted(ILogger logger, string email);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Email} is listed in Milestones:Admins but has no account yet; it becomes an admin at the first start after it registers.")]
    private static partial void LogNoAccount(ILogger logger, string email);
}
