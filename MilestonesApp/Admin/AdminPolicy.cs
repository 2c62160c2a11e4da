namespace MilestonesApp.Admin;

/// <summary>The authorization policy that guards every admin page and every admin service call.</summary>
public static class AdminPolicy
{
    public const string Name = "AdminOnly";
}
