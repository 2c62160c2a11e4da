using System.Globalization;
using System.Resources;
using MilestonesApp.Celebrations;
using MilestonesApp.Resources;

namespace MilestonesApp.Tests.Celebrations;

public sealed class CelebrationTextTests
{
    private static readonly ResourceManager Resources = new(typeof(AppStrings).FullName!, typeof(AppStrings).Assembly);

    public static TheoryData<string> Cultures => ["", "es", "de"];

    [Theory]
    [MemberData(nameof(Cultures))]
    public void Every_overlay_text_has_a_value_in_each_culture_file(string culture)
    {
        var file = Resources.GetResourceSet(CultureInfo.GetCultureInfo(culture), createIfNotExists: true, tryParents: false);

        Assert.NotNull(file);
        Assert.All(CelebrationText.All, key => Assert.False(string.IsNullOrWhiteSpace(file.GetString(key)), $"'{key}' is missing"));
    }
}
