using Microsoft.AspNetCore.Identity;
using MilestonesApp.Application.Visits;
using MilestonesApp.Data;

namespace MilestonesApp.Components.Account;

internal static class SignInVisits
{
    /// <summary>
    /// Records the sign-in that <see cref="SignInManager{TUser}"/> has just made on this request. It puts the new
    /// principal on the request as it signs someone in, so the person is known even when the form named no e-mail
    /// (a passkey) or there was no form at all (an external provider's callback).
    /// </summary>
    public static async Task RecordSignInAsync(this VisitService visits, UserManager<ApplicationUser> users, HttpContext context, Guid attemptId)
    {
        var userId = users.GetUserId(context.User) ?? throw new InvalidOperationException("The sign-in left no user on the request.");
        await visits.RecordSignInAsync(userId, attemptId);
    }
}
