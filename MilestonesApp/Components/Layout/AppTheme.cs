using MudBlazor;

namespace MilestonesApp.Components.Layout;

/// <summary>
/// The app's look: a warm indigo and amber palette, system fonts (nothing is fetched from a font service). Every colour
/// that carries text or a control reaches WCAG AA contrast (4.5:1) against white and the light page background.
/// </summary>
internal static class AppTheme
{
    private static readonly string[] FontFamily = ["Inter", "Segoe UI", "system-ui", "-apple-system", "Roboto", "Helvetica Neue", "Arial", "sans-serif"];

    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#4F46E5",
            Secondary = "#B45309",
            Tertiary = "#047857",
            // Darker than the 4.5:1 minimum: the "saved" snackbar is white on it and fades in, which axe measures blended.
            Success = "#166534",
            Info = "#1D4ED8",
            Warning = "#B45309",
            Error = "#B91C1C",
            AppbarBackground = "#312E81",
            Background = "#F7F7FB",
            DrawerBackground = "#FFFFFF",
            TextPrimary = "#1F2937",
            TextSecondary = "#4B5563",
            ActionDefault = "#4B5563",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = FontFamily },
            H4 = new H4Typography { FontFamily = FontFamily, FontWeight = "700" },
            H5 = new H5Typography { FontFamily = FontFamily, FontWeight = "700" },
            H6 = new H6Typography { FontFamily = FontFamily, FontWeight = "600" },
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "10px" },
    };
}
