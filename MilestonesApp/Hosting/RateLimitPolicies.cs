namespace MilestonesApp.Hosting;

/// <summary>The app's named rate-limiting policies; a page or endpoint opts in with <c>[EnableRateLimiting(name)]</c>.</summary>
public static class RateLimitPolicies
{
    /// <summary>The POSTs of the forms that guess or spray credentials: sign-in, register, 2FA, recovery code, password reset.</summary>
    public const string AccountForms = "account-forms";
}
