using Microsoft.AspNetCore.Identity;

namespace MilestonesApp.Application.Accounts;

internal static class AccountResults
{
    /// <summary>Identity reports failures as results; account set-up has no way on without them, so they stop it.</summary>
    public static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Setting up accounts failed: " + string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
