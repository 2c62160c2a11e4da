using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MilestonesApp.Celebrations;

public static class CelebrationServiceExtensions
{
    /// <summary>The per-circuit celebration queue the overlay in the main layout plays from.</summary>
    public static IHostApplicationBuilder AddCelebrations(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<CelebrationOptions>(builder.Configuration.GetSection(CelebrationOptions.Section));
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddLocalization();
        builder.Services.AddScoped<CelebrationQueue>();
        return builder;
    }
}
