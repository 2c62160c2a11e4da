using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MilestonesApp.Api.Keys;
using MilestonesApp.Application.Accounts;

namespace MilestonesApp.Admin;

public static class AdminServiceExtensions
{
    /// <summary>The admin policy and the services behind the admin pages.</summary>
    public static IHostApplicationBuilder AddMilestonesAdmin(this IHostApplicationBuilder builder)
    {
        builder.Services.AddMilestonesAdmin();
        return builder;
    }

    /// <summary>
    /// The admin policy and the services behind the admin pages, each scoped to a circuit so its guard sees that
    /// circuit's user. Needs an <see cref="Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider"/>.
    /// </summary>
    public static IServiceCollection AddMilestonesAdmin(this IServiceCollection services)
    {
        services.AddAuthorizationCore(options =>
            // The database decides, not the role claim in the cookie: a grant holds at the person's next request
            // just as a revoke does, without signing in again.
            options.AddPolicy(AdminPolicy.Name, policy => policy.RequireAuthenticatedUser()
                .AddRequirements(new CurrentAdminRequirement())));
        services.AddSingleton<IAuthorizationHandler, CurrentAdminHandler>();
        services.AddScoped<AdminGuard>();
        services.AddScoped<MilestoneAdministration>();
        services.AddScoped<UserLookup>();
        services.AddScoped<CelebrationPreview>();
        services.AddScoped<MilestoneTextCoverage>();
        services.AddScoped<ApiKeyAdministration>();
        services.AddScoped<WebhookAdministration>();
        services.TryAddSingleton<ApiKeyService>();
        return services;
    }
}
