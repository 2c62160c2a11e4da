using Microsoft.AspNetCore.Identity;
using MilestonesApp.Data;

namespace MilestonesApp.Application.Accounts;

/// <summary>
/// Who holds the Admin role. Granted only by the operator (<c>admin grant</c>) and to the seeded Development admin,
/// never because an address is listed somewhere: anyone can register any address.
/// </summary>
internal sealed class AdminAccounts(UserManager<ApplicationUser> users, RoleManager<IdentityRole> roles)
{
    public async Task<RoleChange> GrantAsync(string email)
    {
        if (await users.FindByEmailAsync(email) is not { } user)
        {
            return RoleChange.NoSuchAccount;
        }

        if (await users.IsInRoleAsync(user, AppRoles.Admin))
        {
            return RoleChange.AlreadySo;
        }

        await EnsureRoleAsync();
        AccountResults.Check(await users.AddToRoleAsync(user, AppRoles.Admin));
        return RoleChange.Changed;
    }

    /// <summary>Takes effect at once: the admin policy asks the database, not the person's cookie.</summary>
    public async Task<RoleChange> RevokeAsync(string email)
    {
        if (await users.FindByEmailAsync(email) is not { } user)
        {
            return RoleChange.NoSuchAccount;
        }

        if (!await users.IsInRoleAsync(user, AppRoles.Admin))
        {
            return RoleChange.AlreadySo;
        }

        AccountResults.Check(await users.RemoveFromRoleAsync(user, AppRoles.Admin));
        return RoleChange.Changed;
    }

    public async Task<IReadOnlyList<string>> ListAsync()
    {
        var admins = await users.GetUsersInRoleAsync(AppRoles.Admin);
        return [.. admins.Select(user => user.Email ?? user.Id).Order(StringComparer.OrdinalIgnoreCase)];
    }

    public async Task EnsureRoleAsync()
    {
        if (!await roles.RoleExistsAsync(AppRoles.Admin))
        {
            AccountResults.Check(await roles.CreateAsync(new IdentityRole(AppRoles.Admin)));
        }
    }
}

internal enum RoleChange { Changed, AlreadySo, NoSuchAccount }
