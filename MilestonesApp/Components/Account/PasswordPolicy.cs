namespace MilestonesApp.Components.Account;

/// <summary>
/// NIST SP 800-63B: length protects, composition rules do not (they breed "Password1!"), so the only rule is a minimum
/// length, 12 as it recommends for a password that is the only factor.
/// </summary>
internal static class PasswordPolicy
{
    public const int MinimumLength = 12;
    public const int MaximumLength = 100;
}
