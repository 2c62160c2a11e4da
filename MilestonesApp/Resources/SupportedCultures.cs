using System.Globalization;

namespace MilestonesApp.Resources;

/// <summary>The languages the app speaks. Adding one is a line here and a Resources/AppStrings.{name}.resx file.</summary>
public static class SupportedCultures
{
    public const string Default = "en";

    public static IReadOnlyList<string> Names { get; } = ["en", "es", "de"];

    public static bool IsSupported(string? name) => name is not null && Names.Contains(name, StringComparer.OrdinalIgnoreCase);

    /// <summary>The language's own name for itself, as a switcher shows it: English, Español, Deutsch.</summary>
    public static string NativeName(string name)
    {
        var native = CultureInfo.GetCultureInfo(name).NativeName;
        return char.ToUpper(native[0], CultureInfo.GetCultureInfo(name)) + native[1..];
    }
}
