using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MilestonesApp.Application.Receipts;
using MilestonesApp.Celebrations;
using MilestonesApp.Data;
using MilestonesApp.Engine;
using MilestonesApp.Tests.Api;
using MilestonesApp.Tests.Shared;

namespace MilestonesApp.Tests.Localization;

/// <summary>
/// Translations of an admin-made milestone, saved with it in the database: what a German or Spanish person's
/// celebration, receipts and the events API say, the default text where none was saved, and saves that fail whole.
/// </summary>
public sealed class SavedTranslationTests(MilestonesAppFactory app) : IClassFixture<MilestonesAppFactory>
{
    private static readonly MilestoneTranslation German = new("de", "Ein Paar Gewohnheiten", "Zwei Gewohnheiten erledigt.");
    private static readonly MilestoneTranslation Spanish = new("es", "Un par de hábitos", "Dos hábitos completados.");

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static MilestoneDefinition PairOfHabits(string code = "pair_of_habits") =>
        TestMilestones.Count(code, StatsCounters.TotalWins, 1) with { Title = "A pair of habits", Description = "Two habits done." };

    [Theory, OnEachProvider]
    public async Task A_saved_translation_is_what_the_celebration_and_the_receipts_say_and_other_languages_get_the_default(DatabaseProvider provider)
    {
        await using var host = await ApplicationHost.StartAsync(provider);
        await host.Get<MilestoneCatalog>().SaveAsync(PairOfHabits(), [German, Spanish], Cancel);

        var said = new Dictionary<string, (string Title, string Description, string Receipt)>();
        foreach (var culture in new[] { "de-DE", "es", "fr", "en" })
        {
            var user = "user-" + culture;
            said[culture] = await InCultureAsync(culture, async () =>
            {
                var award = (await host.RecordAsync(user, EventTypes.WinLogged, EngineHost.Now, "win-1")).NewlyAwarded.Single(a => a.Code == "pair_of_habits");
                var receipt = (await host.Get<ReceiptService>().ListAsync(user, Cancel)).Single(r => r.Code == "pair_of_habits");
                return (award.Title, award.Description, receipt.Title);
            });
        }

        Assert.Equal(("Ein Paar Gewohnheiten", "Zwei Gewohnheiten erledigt.", "Ein Paar Gewohnheiten"), said["de-DE"]);
        Assert.Equal(("Un par de hábitos", "Dos hábitos completados.", "Un par de hábitos"), said["es"]);
        Assert.Equal(("A pair of habits", "Two habits done.", "A pair of habits"), said["fr"]);
        Assert.Equal(("A pair of habits", "Two habits done.", "A pair of habits"), said["en"]);
    }

    [Theory, OnEachProvider]
    public async Task Another_node_words_awards_with_a_translation_saved_on_this_one_within_a_second(DatabaseProvider provider)
    {
        await using var saving = await EngineHost.StartAsync(provider);
        await using var other = await EngineHost.StartAsync(saving.Database);
        var refresher = other.Services.GetServices<IHostedService>().OfType<MilestoneTranslationRefresher>().Single();
        await refresher.StartAsync(Cancel);
        var texts = other.Services.GetRequiredService<MilestoneTextLocalizer>();

        await saving.Services.GetRequiredService<MilestoneCatalog>().SaveAsync(PairOfHabits(), [German], Cancel);
        other.Clock.Advance(MilestoneTranslationRefresher.Interval);

        // One refresh interval of the node's clock passed; the wall-clock deadline only bounds a loaded machine's wait.
        var deadline = DateTimeOffset.UtcNow.AddSeconds(15);
        string title;
        while ((title = InCulture("de", () => texts.Title(PairOfHabits()))) != German.Title && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(20, Cancel);
        }

        Assert.Equal(German.Title, title);
        var award = await InCultureAsync("de", async () => (await other.RecordAsync("user-1", EventTypes.WinLogged, EngineHost.Now, "win-1")).NewlyAwarded);
        Assert.Equal(German.Title, award.Single(a => a.Code == "pair_of_habits").Title);
        await refresher.StopAsync(Cancel);
    }

    public static TheoryData<DatabaseProvider, string, string, string> InvalidTranslations() => new()
    {
        { DatabaseProvider.Sqlite, "de", "Zwei\nZeilen", MilestoneTranslation.ControlCharacter },
        { DatabaseProvider.PostgreSql, "de", "Zwei\nZeilen", MilestoneTranslation.ControlCharacter },
        { DatabaseProvider.Sqlite, "es", new string('x', MilestoneDefinitionValidator.MaxTitleLength + 1), MilestoneValidationCodes.TextTooLong },
        { DatabaseProvider.PostgreSql, "es", new string('x', MilestoneDefinitionValidator.MaxTitleLength + 1), MilestoneValidationCodes.TextTooLong },
        { DatabaseProvider.Sqlite, "es", " ", MilestoneValidationCodes.TextRequired },
        { DatabaseProvider.Sqlite, "en", "Default's own", MilestoneTranslation.CultureNotOffered },
        { DatabaseProvider.Sqlite, "fr", "Pas offert", MilestoneTranslation.CultureNotOffered },
    };

    [Theory, MemberData(nameof(InvalidTranslations))]
    public async Task An_invalid_translation_saves_neither_it_nor_the_milestone(DatabaseProvider provider, string culture, string title, string problem)
    {
        await using var host = await EngineHost.StartAsync(provider);
        var catalog = host.Services.GetRequiredService<MilestoneCatalog>();

        var refused = await Assert.ThrowsAsync<MilestoneValidationException>(() =>
            catalog.SaveAsync(PairOfHabits(), [culture == "de" ? Spanish : German, new MilestoneTranslation(culture, title, "Beschreibung")], Cancel));

        Assert.Equal(problem, Assert.Single(refused.Problems).Code);
        Assert.DoesNotContain(await catalog.ListAsync(Cancel), definition => definition.Code == "pair_of_habits");
        Assert.Equal(0, await host.QueryAsync((db, cancellationToken) => db.MilestoneTexts.CountAsync(cancellationToken)));
    }

    [Fact]
    public async Task Saving_again_replaces_the_translations_and_leaves_out_a_culture_left_empty()
    {
        await using var host = await EngineHost.StartAsync();
        var catalog = host.Services.GetRequiredService<MilestoneCatalog>();
        await catalog.SaveAsync(PairOfHabits(), [German, Spanish], Cancel);

        await catalog.SaveAsync(PairOfHabits(), [German with { Title = "Zwei Gewohnheiten" }], Cancel);

        Assert.Equal([German with { Title = "Zwei Gewohnheiten" }], await catalog.TextsAsync("pair_of_habits", Cancel));
        var texts = host.Services.GetRequiredService<MilestoneTextLocalizer>();
        Assert.Equal("A pair of habits", InCulture("es", () => texts.Title(PairOfHabits())));
    }

    [Fact]
    public async Task The_events_API_lists_milestones_with_the_saved_translation_of_the_requested_language()
    {
        await app.Services.GetRequiredService<MilestoneCatalog>().SaveAsync(PairOfHabits("api_pair_of_habits"), [German, Spanish], Cancel);

        var titles = new Dictionary<string, string?>();
        foreach (var language in new[] { "de", "es", "en" })
        {
            using var client = await EventsApiClient.CreateWithNewKeyAsync(app, language);
            using var response = await client.GetAsync("/api/v1/milestones", Cancel);
            await response.AssertStatusAsync(HttpStatusCode.OK);
            var listed = (await response.JsonAsync()).EnumerateArray().Single(m => m.GetProperty("code").GetString() == "api_pair_of_habits");
            titles[language] = listed.GetProperty("title").GetString();
        }

        Assert.Equal("Ein Paar Gewohnheiten", titles["de"]);
        Assert.Equal("Un par de hábitos", titles["es"]);
        Assert.Equal("A pair of habits", titles["en"]);
    }

    private static T InCulture<T>(string culture, Func<T> action)
    {
        var (ui, formats) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            return action();
        }
        finally
        {
            (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, formats);
        }
    }

    // An async method's culture changes stay inside it: the caller's culture is back when it returns.
    private static async Task<T> InCultureAsync<T>(string culture, Func<Task<T>> action)
    {
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
        return await action();
    }
}
