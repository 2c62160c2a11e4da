using System.Collections;
using System.Globalization;
using System.Resources;
using MilestonesApp.Components;
using MilestonesApp.Data;
using MilestonesApp.Engine;
using MilestonesApp.Engine.Rules;
using MilestonesApp.Resources;
using MilestonesApp.Tests.Shared;

namespace MilestonesApp.Tests.Localization;

/// <summary>
/// The rules name their words and the UI builds their keys (<see cref="RuleWords"/>): every key a registered rule type
/// can lead to exists (and, by the completeness tests, in every culture), so no reader ever sees a key.
/// </summary>
public sealed class RuleWordsTests
{
    private static readonly HashSet<string> Keys = new ResourceManager(typeof(AppStrings).FullName!, typeof(AppStrings).Assembly)
        .GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)!
        .Cast<DictionaryEntry>().Select(entry => (string)entry.Key).ToHashSet();

    [Fact]
    public void Every_rule_type_and_parameter_has_a_name()
    {
        var keys = RuleTypes.Names.Select(RuleWords.TypeKey)
            .Concat(RuleTypes.Names.SelectMany(RuleTypes.ParametersOf).Select(parameter => RuleWords.ParameterKey(parameter.Name)));

        Assert.Empty(keys.Except(Keys));
    }

    [Fact]
    public async Task Every_rule_types_description_and_progress_have_their_phrase()
    {
        var seed = MilestoneSeeder.Read(Path.Combine(AppContext.BaseDirectory, "Data", "Seed", "milestones.json"));
        var rules = seed.Select(s => MilestoneDefinitionValidator.ValidateOrThrow(s.Definition)).ToList();
        var context = new ProgressContext(UserStatsSnapshot.Empty("u"), new InMemoryHistory([]), new HashSet<string>(), EngineHost.Now);

        var phrases = new List<string>();
        foreach (var rule in rules)
        {
            phrases.Add(rule.Describe().Phrase);
            phrases.Add((await rule.ProgressAsync(context, TestContext.Current.CancellationToken)).Text.Phrase);
        }

        Assert.Equal(RuleTypes.Names.Order(), rules.Select(rule => rule.TypeName).Distinct().Order());
        Assert.Empty(phrases.Select(RuleWords.PhraseKey).Except(Keys));
    }
}
