using MilestonesApp.Components.Account;
using MilestonesApp.Hosting;
using MudBlazor.Services;

namespace MilestonesApp.Components;

public static class ComponentsServiceExtensions
{
    /// <summary>Interactive Server components with MudBlazor.</summary>
    public static IHostApplicationBuilder AddMilestonesWeb(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        builder.Services.AddDatabaseDeveloperPageExceptionFilter();
        return builder;
    }

    /// <summary>
    /// The request pipeline: static assets, components and the Identity endpoints. Their error pages are set up first
    /// in the pipeline, by UseMilestonesErrorHandling.
    /// </summary>
    public static WebApplication UseMilestonesWeb(this WebApplication app)
    {
        if (app.Environment.IsDevelopment())
        {
            app.UseMigrationsEndPoint();
        }

        app.UseMilestonesRateLimiting();
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapAdditionalIdentityEndpoints();
        return app;
    }
}
