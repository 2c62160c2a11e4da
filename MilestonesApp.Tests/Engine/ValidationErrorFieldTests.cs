using MilestonesApp.Engine;

namespace MilestonesApp.Tests.Engine;

/// <summary>Each validation problem names the field it concerns, so the admin form can show it beside that field.</summary>
public sealed class ValidationErrorFieldTests
{
    private static readonly MilestoneDefinition Valid = new(
        "ten_wins", "Ten wins", "Ten wins logged.", "🏅", EventTypes.WinLogged, "count", """{"field":"total_wins","threshold":10}""");

    public static TheoryData<MilestoneDefinition, string> InvalidDefinitions => new()
    {
        { Valid with { Code = "Ten Wins" }, "Code" },
        { Valid with { Title = " " }, "Title" },
        { Valid with { Description = new string('x', MilestoneDefinitionValidator.MaxDescriptionLength + 1) }, "Description" },
        { Valid with { Icon = "" }, "Icon" },
        { Valid with { TriggerEvent = "Jumped" }, "TriggerEvent" },
        { Valid with { RuleType = "streak" }, "RuleType" },
        { Valid with { RuleData = "{not json" }, "RuleData" },
        { Valid with { RuleData = """{"field":"total_wins","threshold":0}""" }, "RuleData.threshold" },
        { Valid with { RuleData = """{"field":"total_jumps","threshold":3}""" }, "RuleData.field" },
        { Valid with { RuleData = """{"field":"total_wins","threshold":3,"extra":1}""" }, "RuleData.extra" },
        { Valid with { RuleType = "window_count", RuleData = """{"event":"Jumped","count":3,"window_days":7}""" }, "RuleData.event" },
        { Valid with { RuleType = "window_count", RuleData = """{"event":"WinLogged","count":3}""" }, "RuleData.window_days" },
        { Valid with { RuleType = "return_after_gap", RuleData = """{"gap_days":14}""" }, "TriggerEvent" },
        { Valid with { Animation = AnimationKind.Webm, AnimationData = "../secret.webm" }, "AnimationData" },
        { Valid with { Animation = AnimationKind.None, AnimationData = "{}" }, "AnimationData" },
        { Valid with { AnimationData = """{"spread":999}""" }, "AnimationData.spread" },
        { Valid with { AnimationData = """{"colors":["red"]}""" }, "AnimationData.colors" },
        { Valid with { Animation = (AnimationKind)42 }, "Animation" },
    };

    [Theory]
    [MemberData(nameof(InvalidDefinitions))]
    public void Each_problem_names_the_field_it_concerns(MilestoneDefinition definition, string field)
    {
        var problems = new List<MilestoneValidationError>();

        MilestoneDefinitionValidator.Validate(definition, problems);

        var problem = Assert.Single(problems);
        Assert.Equal(field, problem.Field);
    }

    [Fact]
    public void The_exception_keeps_one_sentence_per_problem_in_Errors()
    {
        var invalid = Valid with { Title = "", RuleData = """{"field":"total_wins","threshold":-1}""" };

        var exception = Assert.Throws<MilestoneValidationException>(() => MilestoneDefinitionValidator.ValidateOrThrow(invalid));

        Assert.Equal(["Title is required.", "Rule 'count' property 'threshold' must be a whole number from 1 to 1000000, not -1."], exception.Errors);
        Assert.Equal(["Title", "RuleData.threshold"], exception.Problems.Select(problem => problem.Field));
    }

    [Fact]
    public void The_sentence_only_overload_reports_the_same_sentences()
    {
        var invalid = Valid with { Icon = "", TriggerEvent = "Jumped" };
        var sentences = new List<string>();
        var problems = new List<MilestoneValidationError>();

        MilestoneDefinitionValidator.Validate(invalid, sentences);
        MilestoneDefinitionValidator.Validate(invalid, problems);

        Assert.Equal(problems.Select(problem => problem.Message), sentences);
    }
}
