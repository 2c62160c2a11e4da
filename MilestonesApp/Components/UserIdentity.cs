using System.Security.Claims;

namespace MilestonesApp.Components;

internal static class UserIdentity
{
    /// <summary>The Identity user id of a signed-in person: the id the engine and the app's tables know them by.</summary>
    public static string Id(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("The page needs a signed-in person.");
}
