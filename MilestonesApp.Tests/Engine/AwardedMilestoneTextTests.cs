using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Localization;
using MilestonesApp.Celebrations;
using MilestonesApp.Data;
using MilestonesApp.Engine;
using MilestonesApp.Resources;
using MilestonesApp.Tests.Shared;

namespace MilestonesApp.Tests.Engine;

public sealed class AwardedMilestoneTextTests
{
    private static readonly Dictionary<string, string> Translations = new()
    {
        [MilestoneTextLocalizer.TitleKey("test_translated")] = "Premier succès",
        [MilestoneTextLocalizer.DescriptionKey("test_translated")] = "Vous avez noté votre premier succès.",
        [MilestoneTextLocalizer.TitleKey("test_title_only")] = "Titre seul",
    };

    [Theory, OnEachProvider]
    public async Task Titles_and_descriptions_come_translated_and_a_missing_key_falls_back_to_the_definition(DatabaseProvider provider)
    {
        await using var host = await EngineHost.StartAsync(provider, configureServices: services =>
            services.Replace(ServiceDescriptor.Singleton<IStringLocalizer<AppStrings>>(new DictionaryStringLocalizer<AppStrings>(Translations))));
        await host.SaveMilestonesAsync(
            TestMilestones.Count("test_translated", StatsCounters.TotalWins, 1),
            TestMilestones.Count("test_title_only", StatsCounters.TotalWins, 1),
            TestMilestones.Count("test_untranslated", StatsCounters.TotalWins, 1));

        var result = await host.RecordAsync("user-1", EventTypes.WinLogged, EngineHost.Now, "win-1");
        var retry = await host.RecordAsync("user-1", EventTypes.WinLogged, EngineHost.Now, "win-1");

        var awards = result.NewlyAwarded.ToDictionary(award => award.Code, award => (award.Title, award.Description));
        Assert.Equal(("Premier succès", "Vous avez noté votre premier succès."), awards["test_translated"]);
        Assert.Equal(("Titre seul", "Description of test_title_only"), awards["test_title_only"]);
        Assert.Equal(("Title of test_untranslated", "Description of test_untranslated"), awards["test_untranslated"]);
        Assert.Equal(result.NewlyAwarded, retry.NewlyAwarded);
    }
}
