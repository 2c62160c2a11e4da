using Microsoft.Extensions.Localization;
using MilestonesApp.Engine;
using MilestonesApp.Resources;

namespace MilestonesApp.Celebrations;

/// <summary>
/// A milestone's texts in <see cref="System.Globalization.CultureInfo.CurrentUICulture"/>: resource keys derive from its code
/// (<c>{code}.title</c>, <c>{code}.description</c>), and a missing key falls back to the definition's own text.
/// </summary>
public sealed class MilestoneTextLocalizer(IStringLocalizer<AppStrings> strings) : IMilestoneTexts
{
    public static string TitleKey(string code) => code + ".title";

    public static string DescriptionKey(string code) => code + ".description";

    public string Title(MilestoneDefinition definition) => Translate(TitleKey(definition.Code), definition.Title);

    public string Description(MilestoneDefinition definition) => Translate(DescriptionKey(definition.Code), definition.Description);

    private string Translate(string key, string fallback)
    {
        var text = strings[key];
        return text.ResourceNotFound ? fallback : text.Value;
    }
}
