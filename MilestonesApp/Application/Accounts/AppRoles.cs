namespace MilestonesApp.Application.Accounts;

/// <summary>The app's Identity roles.</summary>
public static class AppRoles
{
    /// <summary>May preview celebrations, manage milestone definitions and award retroactively at /admin.</summary>
    public const string Admin = "Admin";
}
