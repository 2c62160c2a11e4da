using System.Globalization;

namespace MilestonesApp.Celebrations;

/// <summary>Reads localized text in another language for one call; the page around it keeps its own.</summary>
internal static class UiCulture
{
    // IStringLocalizer reads the current UI culture, so it is switched for the call and always switched back.
    public static T Use<T>(CultureInfo? culture, Func<T> read)
    {
        if (culture is null)
        {
            return read();
        }

        var pageCulture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = culture;
        try
        {
            return read();
        }
        finally
        {
            CultureInfo.CurrentUICulture = pageCulture;
        }
    }
}
