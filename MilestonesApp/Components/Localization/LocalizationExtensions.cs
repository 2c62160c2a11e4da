using Microsoft.AspNetCore.Localization;
using MilestonesApp.Resources;

namespace MilestonesApp.Components.Localization;

public static class LocalizationExtensions
{
    public const string SetCulturePath = "/Culture/Set";

    /// <summary>English, Spanish and German; the choice is kept in the culture cookie, else the browser's language decides.</summary>
    public static IHostApplicationBuilder AddMilestonesLocalization(this IHostApplicationBuilder builder)
    {
        builder.Services.AddLocalization();
        builder.Services.Configure<RequestLocalizationOptions>(options => options
            .SetDefaultCulture(SupportedCultures.Default)
            .AddSupportedCultures([.. SupportedCultures.Names])
            .AddSupportedUICultures([.. SupportedCultures.Names]));
        return builder;
    }

    /// <summary>Sets each request's culture, and maps the endpoint the switcher links to: it stores the cookie and goes back.</summary>
    public static WebApplication UseMilestonesLocalization(this WebApplication app)
    {
        app.UseRequestLocalization();
        app.MapGet(SetCulturePath, (HttpContext context, string? culture, string? redirectUri) =>
        {
            if (SupportedCultures.IsSupported(culture))
            {
                context.Response.Cookies.Append(
                    CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture!)),
                    new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
            }

            return TypedResults.LocalRedirect(IsLocal(redirectUri) ? redirectUri! : "~/");
        });
        return app;
    }

    /// <summary>The switcher's link for a culture, coming back to <paramref name="returnPath"/> (a path relative to the app's base).</summary>
    public static string SetCultureUri(string culture, string returnPath) =>
        $"Culture/Set?culture={Uri.EscapeDataString(culture)}&redirectUri={Uri.EscapeDataString("/" + returnPath.TrimStart('/'))}";

    private static bool IsLocal(string? uri) =>
        !string.IsNullOrEmpty(uri) && uri[0] == '/' && (uri.Length == 1 || (uri[1] != '/' && uri[1] != '\\'));
}
