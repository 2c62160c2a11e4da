using MilestonesApp.Components.Admin;
using MilestonesApp.Engine;

namespace MilestonesApp.Tests.Admin;

public sealed class FieldErrorsTests
{
    private static readonly FieldErrors Errors = new([
        new("Title", "Title is required."),
        new("RuleData.threshold", "Threshold too small."),
        new("RuleData.threshold", "Threshold not a number."),
        new("RuleData.extra", "Rule 'count' does not take the property 'extra'."),
    ]);

    [Fact]
    public void A_field_shows_all_of_its_messages_and_nothing_else()
    {
        Assert.Equal("Threshold too small. Threshold not a number.", Errors.For("RuleData.threshold"));
        Assert.Equal("Title is required.", Errors.For("Title"));
        Assert.Null(Errors.For("Code"));
        Assert.False(Errors.Has("Code"));
    }

    [Fact]
    public void A_problem_whose_field_has_no_input_is_not_lost()
    {
        Assert.Equal(["Rule 'count' does not take the property 'extra'."], Errors.Unplaced(["Title", "RuleData.threshold"]));
    }

    [Fact]
    public void The_catalogs_problems_for_a_form_draft_land_on_the_drafts_inputs()
    {
        var draft = new MilestoneDraft { Code = "Bad Code", Title = "", Description = "Fine.", RuleType = "count", Animation = AnimationKind.Confetti, Spread = 999 }.Set("threshold", 0);
        var problems = new List<MilestoneValidationError>();

        MilestoneDefinitionValidator.Validate(draft.ToDefinition(), problems);
        var errors = new FieldErrors(problems);

        Assert.True(errors.Has("Code"));
        Assert.True(errors.Has("Title"));
        Assert.True(errors.Has(MilestoneValidationError.RuleDataField("threshold")));
        Assert.True(errors.Has(MilestoneValidationError.AnimationDataField("spread")));
        Assert.Empty(errors.Unplaced(["Code", "Title", "RuleData.field", "RuleData.threshold", "AnimationData.spread"]));
    }
}
