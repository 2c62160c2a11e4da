using Microsoft.Extensions.DependencyInjection.Extensions;
using MilestonesApp.Engine;

namespace MilestonesApp.Celebrations;

public static class CelebrationServiceExtensions
{
    /// <summary>The per-circuit celebration queue the overlay in the main layout plays from, and the awards' texts.</summary>
    public static IHostApplicationBuilder AddCelebrations(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<CelebrationOptions>().BindConfiguration(CelebrationOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddScoped<CelebrationQueue>();
        return builder.AddMilestoneTexts();
    }

    /// <summary>Translates the texts of the engine's awards for the current UI culture, from <c>Resources/</c>.</summary>
    public static IHostApplicationBuilder AddMilestoneTexts(this IHostApplicationBuilder builder)
    {
        builder.Services.AddLocalization();
        builder.Services.TryAddSingleton<MilestoneTextLocalizer>();
        builder.Services.Replace(ServiceDescriptor.Singleton<IMilestoneTexts>(services => services.GetRequiredService<MilestoneTextLocalizer>()));
        return builder;
    }
}
