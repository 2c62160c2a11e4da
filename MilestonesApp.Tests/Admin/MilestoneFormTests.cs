using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MilestonesApp.Celebrations;
using MilestonesApp.Components.Admin;
using MilestonesApp.Data;
using Microsoft.Extensions.Localization;
using MilestonesApp.Engine;
using MilestonesApp.Resources;
using MilestonesApp.Tests.Shared;

namespace MilestonesApp.Tests.Admin;

/// <summary>The form shows each of the catalog's refusals under the input it concerns, and a refused save writes nothing.</summary>
public sealed class MilestoneFormTests : AdminComponentTestContext
{
    private static MilestoneDraft ValidDraft() => new MilestoneDraft
    {
        Code = "wins_25", Title = "Twenty-five wins", Description = "A quarter of a hundred.", Icon = "🎯",
        TriggerEvent = EventTypes.WinLogged, RuleType = "count",
    }.Set("field", StatsCounters.TotalWins).Set("threshold", 25);

    /// <summary>
    /// An invalid input: how the draft starts, what is typed into which input, the field the catalog names, and the input
    /// the message must appear under when that is not the one typed into.
    /// </summary>
    public sealed record Invalid(string Name, Action<MilestoneDraft> Start, string Input, string Typed, string Field, string? ShownUnder = null)
    {
        public override string ToString() => Name;
    }

    public static TheoryData<Invalid> InvalidInputs => new()
    {
        new Invalid("code with spaces", _ => { }, "milestone-code", "Wins 25", "Code"),
        new Invalid("blank title", _ => { }, "milestone-title", "   ", "Title"),
        new Invalid("over-long description", _ => { }, "milestone-description", new string('x', 401), "Description"),
        new Invalid("no icon", _ => { }, "milestone-icon", "", "Icon"),
        new Invalid("zero threshold", _ => { }, "rule-threshold", "0", "RuleData.threshold"),
        new Invalid("window without days", draft => { draft.RuleType = "window_count"; draft.Set("count", 3).Set("window_days", 7); },
            "rule-window-days", "", "RuleData.window_days"),
        new Invalid("window of zero events", draft => { draft.RuleType = "window_count"; draft.Set("count", 3).Set("window_days", 7); },
            "rule-count", "0", "RuleData.count"),
        new Invalid("gap rule not on logins", draft => draft.RuleType = "return_after_gap", "rule-gap-days", "14", "TriggerEvent", "milestone-trigger"),
        new Invalid("gap of minus one day", draft => { draft.RuleType = "return_after_gap"; draft.TriggerEvent = EventTypes.UserLoggedIn; },
            "rule-gap-days", "-1", "RuleData.gap_days"),
        new Invalid("video outside wwwroot", draft => draft.Animation = AnimationKind.Webm, "webm-path", "../secret.webm", "AnimationData"),
        new Invalid("confetti spread too wide", _ => { }, "confetti-spread", "999", "AnimationData.spread"),
        new Invalid("confetti color by name", _ => { }, "confetti-colors", "red", "AnimationData.colors"),
        new Invalid("all_of asking more than it lists", draft =>
            {
                draft.RuleType = "all_of";
                draft.TriggerEvent = EventTypes.UserLoggedIn;
                draft.Set("milestones", new List<string> { "first_win", "wins_10" });
            },
            "rule-count", "3", "RuleData.count"),
    };

    [Theory]
    [MemberData(nameof(InvalidInputs))]
    public async Task Refuses_invalid_input_with_the_catalogs_message_beside_the_field_and_saves_nothing(Invalid invalid)
    {
        var draft = ValidDraft();
        invalid.Start(draft);
        var before = await Host.Catalog.ListAsync(Cancel);
        var form = Render<MilestoneForm>(parameters => parameters.Add(p => p.Draft, draft).Add(p => p.IsNew, true));

        form.Find($"#{invalid.Input}").Change(invalid.Typed);
        form.Find("[data-testid=save-milestone]").Click();

        var expected = await CatalogRefusalAsync(draft.ToDefinition(), invalid.Field);
        form.WaitForAssertion(() => Assert.Equal(expected, ErrorUnder(form, invalid.ShownUnder ?? invalid.Input)));
        Assert.Equal(before, await Host.Catalog.ListAsync(Cancel));
    }

    [Theory]
    [InlineData("en-US", "Enter a whole number from 1 to 1,000,000.")]
    [InlineData("es-ES", "Introduce un número entero de 1 a 1.000.000.")]
    [InlineData("de-DE", "Gib eine ganze Zahl von 1 bis 1.000.000 ein.")]
    public void Refusals_are_said_in_the_admins_language(string culture, string expected)
    {
        // The class pins en-US and puts back whatever ran before once the test ends.
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture, useUserOverride: false);
        var form = Render<MilestoneForm>(parameters => parameters.Add(p => p.Draft, ValidDraft()).Add(p => p.IsNew, true));

        form.Find("#rule-threshold").Change("0");
        form.Find("[data-testid=save-milestone]").Click();

        form.WaitForAssertion(() => Assert.Equal(expected, ErrorUnder(form, "rule-threshold")));
    }

    [Fact]
    public async Task A_corrected_field_loses_its_error_before_the_next_save_and_a_field_still_wrong_keeps_its_own()
    {
        var draft = ValidDraft();
        draft.RuleType = "return_after_gap";
        draft.Set("gap_days", 14);
        draft.Title = " ";
        var form = Render<MilestoneForm>(parameters => parameters.Add(p => p.Draft, draft).Add(p => p.IsNew, true));
        form.Find("[data-testid=save-milestone]").Click();
        form.WaitForAssertion(() => Assert.NotNull(ErrorUnder(form, "milestone-trigger")));
        var title = ErrorUnder(form, "milestone-title");
        Assert.NotNull(title);

        await form.InvokeAsync(() => Select(form, "milestone-trigger").ValueChanged.InvokeAsync(EventTypes.UserLoggedIn));

        form.WaitForAssertion(() => Assert.Null(ErrorUnder(form, "milestone-trigger")));
        Assert.Equal(title, ErrorUnder(form, "milestone-title"));
    }

    [Fact]
    public async Task An_error_whose_input_another_rule_type_hides_is_dropped_not_moved_above_the_form()
    {
        var draft = ValidDraft();
        draft.RuleType = "window_count";
        draft.Set("count", 3);
        var form = Render<MilestoneForm>(parameters => parameters.Add(p => p.Draft, draft).Add(p => p.IsNew, true));
        form.Find("[data-testid=save-milestone]").Click();
        form.WaitForAssertion(() => Assert.NotNull(ErrorUnder(form, "rule-window-days")));

        await form.InvokeAsync(() => Select(form, "milestone-rule-type").ValueChanged.InvokeAsync("count"));

        form.WaitForAssertion(() =>
        {
            Assert.Empty(form.FindAll("#rule-window-days"));
            Assert.Empty(form.FindAll("[data-testid=form-error]"));
            Assert.Empty(form.FindAll(".mud-input-error"));
        });
    }

    [Fact]
    public async Task Refuses_a_code_that_is_taken_and_leaves_that_milestone_as_it_was()
    {
        var before = await Host.Catalog.ListAsync(Cancel);
        var form = Render<MilestoneForm>(parameters => parameters.Add(p => p.Draft, ValidDraft()).Add(p => p.IsNew, true));

        form.Find("#milestone-code").Change("first_win");
        form.Find("[data-testid=save-milestone]").Click();

        form.WaitForAssertion(() => Assert.Equal(
            "A milestone with the code first_win already exists; edit that one instead.", ErrorUnder(form, "milestone-code")));
        Assert.Equal(before, await Host.Catalog.ListAsync(Cancel));
    }

    [Fact]
    public async Task An_all_of_offers_the_other_milestones_and_is_saved_with_those_chosen()
    {
        var draft = ValidDraft();
        draft.RuleType = "all_of";
        draft.TriggerEvent = EventTypes.UserLoggedIn;
        draft.Set("milestones", new List<string> { "first_win", "wins_10" });
        var form = Render<MilestoneForm>(parameters => parameters.Add(p => p.Draft, draft).Add(p => p.IsNew, true));

        form.WaitForAssertion(() => Assert.NotNull(form.Find("#rule-milestones")));
        form.Find("[data-testid=save-milestone]").Click();

        form.WaitForAssertion(() => Assert.Contains(Host.Catalog.ListAsync(Cancel).Result, saved =>
            saved.Code == "wins_25" && saved.RuleData == """{"milestones":["first_win","wins_10"]}"""));
    }

    [Fact]
    public void Every_language_but_the_default_is_offered_and_the_form_says_which_will_see_the_default_texts()
    {
        var form = Render<MilestoneForm>(parameters => parameters.Add(p => p.Draft, ValidDraft()).Add(p => p.IsNew, true));

        Assert.Equal(["translation-es-title", "translation-es-description", "translation-de-title", "translation-de-description"],
            form.FindAll("input, textarea").Select(input => input.Id ?? "").Where(id => id.StartsWith("translation-", StringComparison.Ordinal)));
        Assert.Equal("Seen with the default texts: English, Español, Deutsch.", form.Find("[data-testid=default-seen-in]").TextContent.Trim());

        form.Find("#translation-de-title").Input("Fünfundzwanzig Erfolge");

        form.WaitForAssertion(() => Assert.Equal("Seen with the default texts: English, Español.", form.Find("[data-testid=default-seen-in]").TextContent.Trim()));
    }

    [Fact]
    public async Task Translations_typed_beside_the_default_are_saved_with_the_milestone_and_word_its_awards()
    {
        var form = Render<MilestoneForm>(parameters => parameters.Add(p => p.Draft, ValidDraft()).Add(p => p.IsNew, true));
        form.Find("#translation-de-title").Input("Fünfundzwanzig Erfolge");
        form.Find("#translation-de-description").Input("Ein Viertel von hundert.");

        form.Find("[data-testid=save-milestone]").Click();

        form.WaitForAssertion(() => Assert.Contains(Host.Catalog.ListAsync(Cancel).Result, saved => saved.Code == "wins_25"));
        Assert.Equal([new MilestoneTranslation("de", "Fünfundzwanzig Erfolge", "Ein Viertel von hundert.")],
            await Host.Services.GetRequiredService<MilestoneCatalog>().TextsAsync("wins_25", Cancel));
        var definition = (await Host.Catalog.ListAsync(Cancel)).Single(saved => saved.Code == "wins_25");
        var texts = Host.Services.GetRequiredService<MilestoneTextLocalizer>();
        CultureInfo.CurrentUICulture = new CultureInfo("de-DE", useUserOverride: false);
        Assert.Equal(("Fünfundzwanzig Erfolge", "Ein Viertel von hundert."), (texts.Title(definition), texts.Description(definition)));
        CultureInfo.CurrentUICulture = new CultureInfo("es-ES", useUserOverride: false);
        Assert.Equal("Twenty-five wins", texts.Title(definition));
    }

    [Fact]
    public async Task A_translation_with_a_control_character_is_refused_under_its_field_and_nothing_is_saved()
    {
        var form = Render<MilestoneForm>(parameters => parameters.Add(p => p.Draft, ValidDraft()).Add(p => p.IsNew, true));
        form.Find("#translation-es-title").Input("Veinticinco\u0007logros");
        form.Find("#translation-es-description").Input("Un cuarto de cien.");

        form.Find("[data-testid=save-milestone]").Click();

        form.WaitForAssertion(() => Assert.Equal("This holds a control character (U+0007); write it on one line.", ErrorUnder(form, "translation-es-title")));
        Assert.DoesNotContain(await Host.Catalog.ListAsync(Cancel), saved => saved.Code == "wins_25");
    }

    [Fact]
    public async Task A_seeded_milestone_keeps_its_resx_texts_and_offers_no_translation_fields()
    {
        var definition = (await Host.Catalog.ListAsync(Cancel)).Single(saved => saved.Code == "first_win");
        var form = Render<MilestoneForm>(parameters => parameters.Add(p => p.Draft, MilestoneDraft.From(definition)));

        Assert.True(form.Find("#translation-de-title").HasAttribute("disabled"));
        Assert.True(form.Find("#translation-es-description").HasAttribute("disabled"));
        Assert.Equal("Seen with the default texts: English.", form.Find("[data-testid=default-seen-in]").TextContent.Trim());
    }

    [Fact]
    public async Task A_valid_new_milestone_is_saved_and_the_page_moves_to_its_edit_page()
    {
        var page = Render<MilestoneEditPage>();
        page.Find("#milestone-code").Change("wins_25");
        page.Find("#milestone-title").Change("Twenty-five wins");
        page.Find("#milestone-description").Change("A quarter of a hundred.");
        page.Find("#rule-threshold").Change("25");

        page.Find("[data-testid=save-milestone]").Click();

        page.WaitForAssertion(() => Assert.EndsWith("/admin/milestones/wins_25/edit", Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().Uri));
        var saved = (await Host.Catalog.ListAsync(Cancel)).Single(m => m.Code == "wins_25");
        Assert.Equal(("count", """{"field":"total_wins","threshold":25}""", MilestoneState.Draft), (saved.RuleType, saved.RuleData, saved.State));
    }

    [Fact]
    public async Task Editing_keeps_the_code_and_saves_the_new_rule()
    {
        var page = Render<MilestoneEditPage>(parameters => parameters.Add(p => p.Code, "wins_10"));

        Assert.True(page.WaitForElement("#milestone-code").HasAttribute("disabled"));
        page.Find("#rule-threshold").Change("12");
        await page.Find("[data-testid=save-milestone]").ClickAsync(new());

        var saved = (await Host.Catalog.ListAsync(Cancel)).Single(m => m.Code == "wins_10");
        Assert.Equal("""{"field":"total_wins","threshold":12}""", saved.RuleData);
    }

    private async Task<string> CatalogRefusalAsync(MilestoneDefinition definition, string field)
    {
        var refusal = await Assert.ThrowsAsync<MilestoneValidationException>(() =>
            Host.Catalog.SaveAsync(definition, Cancel));
        var problems = refusal.Problems.Where(problem => problem.Field == field).ToList();
        Assert.All(problems, problem => Assert.NotEqual(MilestoneValidationCodes.Other, problem.Code));
        return string.Join(" ", problems.Select(Services.GetRequiredService<IStringLocalizer<AppStrings>>().Describe));
    }

    // A choice made as the select's popover would make it (bUnit renders no popover to click in).
    private static MudBlazor.MudSelect<string> Select(IRenderedComponent<MilestoneForm> form, string inputId) =>
        form.FindComponents<MudBlazor.MudSelect<string>>().Single(select => select.FindAll($"#{inputId}").Count > 0).Instance;

    private static string? ErrorUnder<T>(IRenderedComponent<T> rendered, string inputId) where T : Microsoft.AspNetCore.Components.IComponent =>
        rendered.Find($"#{inputId}").Closest(".mud-input-control")?.QuerySelector(".mud-input-helper-text.mud-input-error")?.TextContent.Trim();
}
