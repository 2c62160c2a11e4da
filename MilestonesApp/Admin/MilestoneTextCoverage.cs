using System.Globalization;
using System.Resources;
using MilestonesApp.Celebrations;
using MilestonesApp.Data;
using MilestonesApp.Resources;

namespace MilestonesApp.Admin;

/// <summary>A milestone text that one culture has in neither of its homes, so that culture sees the definition's default text.</summary>
public sealed record MissingText(string Code, string Culture, string Key);

/// <summary>
/// Which milestone texts (<c>{code}.title</c>, <c>{code}.description</c>) each culture lacks in both homes: its own
/// <c>Resources/AppStrings.{culture}.resx</c> file, read alone without falling back to another culture, and the
/// translations saved with the milestone. The default culture is never short of texts: it has the definition's own.
/// </summary>
internal sealed class MilestoneTextCoverage(AdminGuard guard, MilestoneTranslations translations)
{
    private static readonly ResourceManager Resources = new(typeof(AppStrings));

    public async Task<IReadOnlyList<MissingText>> MissingAsync(IEnumerable<string> codes)
    {
        await guard.EnsureAdminAsync();
        await translations.RefreshAsync();
        var missing = new List<MissingText>();
        var codeList = codes.ToList();
        foreach (var culture in MilestoneTranslation.Cultures)
        {
            var texts = Resources.GetResourceSet(CultureInfo.GetCultureInfo(culture), createIfNotExists: true, tryParents: false);
            foreach (var code in codeList)
            {
                var saved = translations.Of(code).Any(translation => translation.Culture == culture);
                foreach (var key in new[] { MilestoneTextLocalizer.TitleKey(code), MilestoneTextLocalizer.DescriptionKey(code) })
                {
                    if (!saved && string.IsNullOrWhiteSpace(texts?.GetString(key)))
                    {
                        missing.Add(new MissingText(code, culture, key));
                    }
                }
            }
        }

        return missing;
    }

    /// <summary>
    /// The cultures whose own .resx file holds both of the milestone's texts: there the file wins over a translation
    /// saved in the admin, so the form does not offer one.
    /// </summary>
    public static IReadOnlySet<string> InResources(string code) => MilestoneTranslation.Cultures
        .Where(culture => Resources.GetResourceSet(CultureInfo.GetCultureInfo(culture), createIfNotExists: true, tryParents: false) is { } texts
            && !string.IsNullOrWhiteSpace(texts.GetString(MilestoneTextLocalizer.TitleKey(code)))
            && !string.IsNullOrWhiteSpace(texts.GetString(MilestoneTextLocalizer.DescriptionKey(code))))
        .ToHashSet(StringComparer.Ordinal);
}
