using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using MilestonesApp.Application.Accounts;
using MilestonesApp.Data;

namespace MilestonesApp.Admin;

/// <summary>
/// The account holds the Admin role now, in the database, whatever the cookie it signed in with says: after
/// <c>admin revoke</c> the person's next request, or next admin action in an open circuit, is refused; after
/// <c>admin grant</c> it is allowed, and the Admin menu item appears at the next page.
/// </summary>
internal sealed class CurrentAdminRequirement : IAuthorizationRequirement;

internal sealed class CurrentAdminHandler(IServiceScopeFactory scopeFactory) : AuthorizationHandler<CurrentAdminRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, CurrentAdminRequirement requirement)
    {
        // A fresh scope: a circuit's own UserManager would answer from the entities it already tracks.
        await using var scope = scopeFactory.CreateAsyncScope();
        var users = scope.ServiceProvider.GetService<UserManager<ApplicationUser>>();
        if (users is null)
        {
            // Hosts without accounts (component tests of the admin tools) have only the role claim to go by.
            if (context.User.IsInRole(AppRoles.Admin))
            {
                context.Succeed(requirement);
            }

            return;
        }

        if (await users.GetUserAsync(context.User) is { } user && await users.IsInRoleAsync(user, AppRoles.Admin))
        {
            context.Succeed(requirement);
        }
    }
}
