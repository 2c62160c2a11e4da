using MilestonesApp.Components.Account;

namespace MilestonesApp.Admin;

public static class AdminServiceExtensions
{
    /// <summary>The admin policy and the services behind the admin pages, each scoped to a circuit so it sees that circuit's user.</summary>
    public static IHostApplicationBuilder AddMilestonesAdmin(this IHostApplicationBuilder builder)
    {
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(AdminPolicy.Name, policy => policy.RequireAuthenticatedUser().RequireRole(AppRoles.Admin));
        builder.Services.AddScoped<AdminGuard>();
        builder.Services.AddScoped<MilestoneAdministration>();
        builder.Services.AddScoped<UserLookup>();
        return builder;
    }
}
