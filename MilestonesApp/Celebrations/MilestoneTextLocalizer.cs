using System.Globalization;
using Microsoft.Extensions.Localization;
using MilestonesApp.Data;
using MilestonesApp.Engine;
using MilestonesApp.Resources;

namespace MilestonesApp.Celebrations;

/// <summary>
/// A milestone's texts in <see cref="CultureInfo.CurrentUICulture"/>, from their two homes: resource keys derived from
/// its code (<c>{code}.title</c>, <c>{code}.description</c>), where translators keep seeded milestones' texts; else the
/// translation an admin saved with the milestone; else the definition's own text.
/// </summary>
public sealed class MilestoneTextLocalizer(IStringLocalizer<AppStrings> strings, MilestoneTranslations translations) : IMilestoneTexts
{
    public static string TitleKey(string code) => code + ".title";

    public static string DescriptionKey(string code) => code + ".description";

    public string Title(MilestoneDefinition definition) =>
        Resource(TitleKey(definition.Code)) ?? Saved(definition)?.Title ?? definition.Title;

    public string Description(MilestoneDefinition definition) =>
        Resource(DescriptionKey(definition.Code)) ?? Saved(definition)?.Description ?? definition.Description;

    private string? Resource(string key)
    {
        var text = strings[key];
        return text.ResourceNotFound ? null : text.Value;
    }

    private MilestoneTranslation? Saved(MilestoneDefinition definition) => translations.Find(definition.Code, CultureInfo.CurrentUICulture);
}
