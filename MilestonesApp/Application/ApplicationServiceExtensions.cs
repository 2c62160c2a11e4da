using MilestonesApp.Application.Awards;
using MilestonesApp.Application.Habits;
using MilestonesApp.Application.Onboarding;
using MilestonesApp.Application.Receipts;
using MilestonesApp.Application.Visits;
using MilestonesApp.Application.Wins;

namespace MilestonesApp.Application;

public static class ApplicationServiceExtensions
{
    /// <summary>The services pages call: wins, habits, visits, onboarding, receipts. Pages never reach the engine or the database themselves.</summary>
    public static IHostApplicationBuilder AddMilestonesApplication(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<VisitOptions>().BindConfiguration(VisitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<UserClock>();
        builder.Services.AddSingleton<AwardClaims>();
        builder.Services.AddSingleton<WinService>();
        builder.Services.AddSingleton<HabitService>();
        builder.Services.AddSingleton<VisitService>();
        builder.Services.AddSingleton<OnboardingService>();
        builder.Services.AddSingleton<ReceiptService>();
        builder.Services.AddSingleton<NextStepReader>();
        builder.Services.AddSingleton<Accounts.PersonalContentEraser>();
        builder.Services.AddTransient<Accounts.DemoHistory>();
        return builder;
    }
}
