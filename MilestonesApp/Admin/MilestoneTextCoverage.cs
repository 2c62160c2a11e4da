using System.Globalization;
using System.Resources;
using MilestonesApp.Celebrations;
using MilestonesApp.Engine;
using MilestonesApp.Resources;

namespace MilestonesApp.Admin;

/// <summary>A milestone text that one culture's .resx file lacks, so that culture sees the definition's default text.</summary>
public sealed record MissingText(string Code, string Culture, string Key);

/// <summary>
/// Which of the milestone texts (<c>{code}.title</c>, <c>{code}.description</c>) each supported culture's own
/// <c>Resources/AppStrings*.resx</c> file lacks. Each file is read alone, without falling back to another culture.
/// </summary>
internal sealed class MilestoneTextCoverage(AdminGuard guard)
{
    private static readonly ResourceManager Resources = new(typeof(AppStrings));

    public async Task<IReadOnlyList<MissingText>> MissingAsync(IEnumerable<string> codes)
    {
        await guard.EnsureAdminAsync();
        var missing = new List<MissingText>();
        var codeList = codes.ToList();
        foreach (var culture in SupportedCultures.Names)
        {
            // The default culture's texts are the neutral AppStrings.resx; every other culture has a file of its own.
            var file = culture == SupportedCultures.Default ? CultureInfo.InvariantCulture : CultureInfo.GetCultureInfo(culture);
            var texts = Resources.GetResourceSet(file, createIfNotExists: true, tryParents: false);
            foreach (var code in codeList)
            {
                foreach (var key in new[] { MilestoneTextLocalizer.TitleKey(code), MilestoneTextLocalizer.DescriptionKey(code) })
                {
                    if (string.IsNullOrWhiteSpace(texts?.GetString(key)))
                    {
                        missing.Add(new MissingText(code, culture, key));
                    }
                }
            }
        }

        return missing;
    }
}
