using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MilestonesApp.Celebrations;
using MilestonesApp.Components.Admin;
using MilestonesApp.Components.Localization;
using MilestonesApp.Data;
using MilestonesApp.Engine;
using MilestonesApp.Resources;
using MilestonesApp.Tests.Shared;

namespace MilestonesApp.Tests.Localization;

/// <summary>
/// Reads the compiled resources, as the app does, so a missing file, a misnamed one or a wrong resource path fails
/// here instead of silently showing keys to people.
/// </summary>
public sealed partial class TranslationCompletenessTests
{
    private static readonly ResourceManager Resources = new(typeof(AppStrings).FullName!, typeof(AppStrings).Assembly);

    public static TheoryData<string> OtherCultures => new(SupportedCultures.Names.Where(c => c != SupportedCultures.Default));

    [Theory]
    [MemberData(nameof(OtherCultures))]
    public void Every_key_has_a_value_in_every_culture(string culture)
    {
        var neutral = Strings(CultureInfo.InvariantCulture);
        var translated = Strings(CultureInfo.GetCultureInfo(culture));

        Assert.Empty(neutral.Keys.Except(translated.Keys).Order());
        Assert.Empty(translated.Keys.Except(neutral.Keys).Order());
        Assert.Empty(translated.Where(pair => string.IsNullOrWhiteSpace(pair.Value)).Select(pair => pair.Key));
    }

    [Fact]
    public void Every_seeded_milestone_has_a_title_and_description()
    {
        var keys = Strings(CultureInfo.InvariantCulture).Keys.ToHashSet();
        var seed = MilestoneSeeder.Read(Path.Combine(AppContext.BaseDirectory, "Data", "Seed", "milestones.json"));

        var missing = seed
            .SelectMany(s => new[] { MilestoneTextLocalizer.TitleKey(s.Definition.Code), MilestoneTextLocalizer.DescriptionKey(s.Definition.Code) })
            .Where(key => !keys.Contains(key));

        Assert.Equal(14, seed.Count);
        Assert.Empty(missing);
    }

    [Fact]
    public void Every_kind_of_catalog_refusal_has_a_text_in_every_culture()
    {
        var strings = new StringLocalizer<AppStrings>(
            new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance));
        var codes = typeof(MilestoneValidationCodes).GetFields().Select(field => (string)field.GetRawConstantValue()!)
            .Where(code => code != MilestoneValidationCodes.Other);

        var untranslated =
            from code in codes
            from culture in SupportedCultures.Names
            let problem = new MilestoneValidationError("Field", "English only") { Code = code, Arguments = [1, 2] }
            let text = UiCulture.Use(CultureInfo.GetCultureInfo(culture), () => strings.Describe(problem))
            where text == problem.Message || string.IsNullOrWhiteSpace(text)
            select $"{code} in {culture}";

        Assert.Empty(untranslated);
    }

    [Fact]
    public void The_code_names_keys_only_through_the_generated_constants()
    {
        var literals = Directory.EnumerateFiles(RepositoryFiles.AppProject, "*.*", SearchOption.AllDirectories)
            .Where(path => path.EndsWith(".razor", StringComparison.Ordinal) || path.EndsWith(".cs", StringComparison.Ordinal))
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(path => KeyLiteral().Matches(File.ReadAllText(path)).Select(match => $"{Path.GetFileName(path)}: {match.Value}"));

        // Key.Some_Key is checked by the compiler; a string key, built or written out, could name a text no file has.
        Assert.Empty(literals);
    }

    [Fact]
    public void The_generated_constants_name_every_key()
    {
        var constants = typeof(Key).GetFields().Select(field => (string)field.GetRawConstantValue()!).Order();

        Assert.Equal(Strings(CultureInfo.InvariantCulture).Keys.Order(), constants);
    }

    private static Dictionary<string, string> Strings(CultureInfo culture)
    {
        var set = Resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false)
            ?? throw new InvalidOperationException($"No compiled resources for culture '{culture.Name}'.");
        return set.Cast<DictionaryEntry>().ToDictionary(entry => (string)entry.Key, entry => (string)entry.Value!);
    }

    // L["Some.Key"], L[$"Some.{part}"] and strings[...] alike, and resource keys given as DataAnnotations messages.
    [GeneratedRegex("""(?:\b(?:L|strings)\[\$?|ErrorMessage = )"[A-Za-z]+[.{]""")]
    private static partial Regex KeyLiteral();
}
