namespace MilestonesApp.Data;

/// <summary>The Identity roles the app knows.</summary>
public static class AppRoles
{
    /// <summary>May open <c>/admin</c>: preview celebrations and manage milestone definitions.</summary>
    public const string Admin = "Admin";
}
