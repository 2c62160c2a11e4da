using Microsoft.AspNetCore.Identity;
using MilestonesApp.Data;
using MilestonesApp.Engine;

namespace MilestonesApp.Application.Accounts;

public static partial class DevelopmentAccounts
{
    public const string DemoEmail = "demo@example.com";
    public const string AdminEmail = "admin@example.com";
    // Long enough for the password policy (length, not composition: NIST 800-63B); known to everyone, so Development only.
    public const string Password = "demo-password-2026";

    /// <summary>
    /// In Development only: the demo and admin accounts, the demo's history, and a start-up line naming both. Elsewhere
    /// nothing is seeded, so no account with a known password exists. Safe to run at every start.
    /// </summary>
    public static async Task SeedDevelopmentAccountsAsync(this WebApplication app, CancellationToken cancellationToken = default)
    {
        if (!app.Environment.IsDevelopment())
        {
            return;
        }

        using var scope = app.Services.CreateScope();
        var services = scope.ServiceProvider;
        var users = services.GetRequiredService<UserManager<ApplicationUser>>();
        var demo = await EnsureUserAsync(users, DemoEmail);
        var admin = await EnsureUserAsync(users, AdminEmail);
        await services.GetRequiredService<AdminAccounts>().GrantAsync(AdminEmail);

        var onboarding = services.GetRequiredService<Onboarding.OnboardingService>();
        await onboarding.MarkDoneAsync(admin.Id, cancellationToken);
        if (!await HasHistoryAsync(services, demo.Id, cancellationToken))
        {
            await services.GetRequiredService<DemoHistory>().RecordAsync(demo.Id, cancellationToken);
        }

        await onboarding.MarkDoneAsync(demo.Id, cancellationToken);
        LogAccounts(services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DevelopmentAccounts)), DemoEmail, AdminEmail, Password);
    }

    private static async Task<ApplicationUser> EnsureUserAsync(UserManager<ApplicationUser> users, string email)
    {
        if (await users.FindByEmailAsync(email) is { } existing)
        {
            return existing;
        }

        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true };
        AccountResults.Check(await users.CreateAsync(user, Password));
        return user;
    }

    // The history is laid down once: its days are relative to the first start, so a later start must not add more.
    private static async Task<bool> HasHistoryAsync(IServiceProvider services, string userId, CancellationToken cancellationToken)
    {
        var stats = await services.GetRequiredService<IEngineReads>().StatsAsync(userId, cancellationToken);
        return stats.LastActivityAt is not null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Development accounts: {Demo} and {Admin} (Admin role), password {Password}")]
    private static partial void LogAccounts(ILogger logger, string demo, string admin, string password);
}
