using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using MilestonesApp.Data;

namespace MilestonesApp.Components.Account;

/// <summary>
/// Identity's sign-in, except that a password for an address with no account costs what a wrong one for an account
/// costs (one hash check) and is locked out after as many failures. Identity answers an unknown address at once and
/// never locks it, so the time of the answer and the lockout page told who has an account.
/// </summary>
internal sealed class MilestonesSignInManager(
    UserManager<ApplicationUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<ApplicationUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<ApplicationUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<ApplicationUser> confirmation,
    UnknownAccountLockouts unknownAccounts)
    : SignInManager<ApplicationUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var user = await UserManager.FindByNameAsync(userName);
        if (user is not null)
        {
            return await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
        }

        // As for an account: a locked address is answered without checking the password.
        var name = UserManager.NormalizeName(userName);
        if (unknownAccounts.IsLockedOut(name))
        {
            return SignInResult.LockedOut;
        }

        var hasher = UserManager.PasswordHasher;
        hasher.VerifyHashedPassword(new ApplicationUser(), unknownAccounts.PlaceholderHash(hasher), password);
        return lockoutOnFailure && unknownAccounts.CountFailure(name) ? SignInResult.LockedOut : SignInResult.Failed;
    }
}
