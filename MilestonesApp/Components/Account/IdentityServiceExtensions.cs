using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using MilestonesApp.Application.Accounts;
using MilestonesApp.Data;

namespace MilestonesApp.Components.Account;

public static class IdentityServiceExtensions
{
    /// <summary>ASP.NET Core Identity on the app's database, cookies, and the Blazor authentication state.</summary>
    public static IHostApplicationBuilder AddMilestonesIdentity(this IHostApplicationBuilder builder)
    {
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddScoped<IdentityRedirectManager>();
        builder.Services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();

        builder.Services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        builder.Services.AddAuthorization();

        // The store schema version is pinned by AddMilestonesData, beside the database it shapes.
        builder.Services.AddIdentityCore<ApplicationUser>(ConfigureAccounts)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager<MilestonesSignInManager>()
            .AddDefaultTokenProviders();

        builder.Services.AddSingleton<UnknownAccountLockouts>();
        builder.Services.AddSingleton<IEmailSender<ApplicationUser>, IdentityNoOpEmailSender>();
        builder.Services.AddScoped<AdminAccounts>();
        return builder;
    }

    private static void ConfigureAccounts(IdentityOptions options)
    {
        options.SignIn.RequireConfirmedAccount = false;

        options.Password.RequiredLength = PasswordPolicy.MinimumLength;
        options.Password.RequiredUniqueChars = 1;
        options.Password.RequireDigit = false;
        options.Password.RequireLowercase = false;
        options.Password.RequireUppercase = false;
        options.Password.RequireNonAlphanumeric = false;

        // Five wrong guesses lock the account for 15 minutes: a guesser gets 480 tries a day, a person who mistypes
        // waits a quarter of an hour. Applies to new accounts too.
        options.Lockout.MaxFailedAccessAttempts = 5;
        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        options.Lockout.AllowedForNewUsers = true;
    }
}
