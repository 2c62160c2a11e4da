using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;

namespace MilestonesApp.Admin;

/// <summary>
/// Checks, on the server, that the circuit's user satisfies <see cref="AdminPolicy"/>. Every admin service calls it
/// first, so hiding a page is never the only protection: a non-admin circuit that reaches a service is refused.
/// </summary>
internal sealed class AdminGuard(AuthenticationStateProvider authenticationState, IAuthorizationService authorization)
{
    public async Task EnsureAdminAsync()
    {
        var state = await authenticationState.GetAuthenticationStateAsync();
        var result = await authorization.AuthorizeAsync(state.User, AdminPolicy.Name);
        if (!result.Succeeded)
        {
            throw new UnauthorizedAccessException("Only administrators may use the admin tools.");
        }
    }
}
