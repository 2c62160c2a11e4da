using MilestonesApp.Components.Admin;
using MilestonesApp.Engine;
using MilestonesApp.Engine.Rules;

namespace MilestonesApp.Tests.Admin;

public sealed class MilestoneDraftTests
{
    public static TheoryData<MilestoneDefinition> SeedLikeDefinitions => new()
    {
        new MilestoneDefinition("wins_100", "One hundred wins", "A hundred.", "🏆", EventTypes.WinLogged, "count", """{"field":"total_wins","threshold":100}""",
            Animation: AnimationKind.Confetti, AnimationData: """{"particleCount":400,"spread":160,"colors":["#ffd700","#ff8c00"]}"""),
        new MilestoneDefinition("habits_5_in_14", "Rhythm", "Five in fourteen.", "🎵", EventTypes.HabitCompleted, "window_count",
            """{"event":"HabitCompleted","count":5,"window_days":14}""", IsActive: false),
        new MilestoneDefinition("welcome_back_14", "Welcome back", "Two weeks.", "🌤️", EventTypes.UserLoggedIn, "return_after_gap", """{"gap_days":14}""",
            Animation: AnimationKind.Webm, AnimationData: "media/trophy.webm"),
        new MilestoneDefinition("quiet", "Quiet", "No animation.", "🤫", EventTypes.WinLogged, "count", """{"field":"total_wins","threshold":3}""",
            Animation: AnimationKind.None),
        new MilestoneDefinition("rounded", "Rounded", "Two of three.", "🧭", EventTypes.UserLoggedIn, "all_of",
            """{"milestones":["first_win","wins_10","habits_5_in_14"],"count":2}"""),
    };

    [Theory]
    [MemberData(nameof(SeedLikeDefinitions))]
    public void A_stored_definition_round_trips_through_the_form(MilestoneDefinition definition)
    {
        var roundTripped = MilestoneDraft.From(definition).ToDefinition();

        Assert.Equal(definition, roundTripped);
    }

    [Fact]
    public void Only_the_chosen_rule_types_fields_go_into_the_rule_data()
    {
        var draft = new MilestoneDraft { RuleType = "window_count" }
            .Set("event", EventTypes.HabitCompleted).Set("count", 5).Set("window_days", 14).Set("threshold", 9).Set("gap_days", 3);

        Assert.Equal("""{"event":"HabitCompleted","count":5,"window_days":14}""", draft.RuleData);
    }

    [Fact]
    public void An_empty_number_is_left_out_so_the_catalog_names_it_missing()
    {
        var draft = new MilestoneDraft { RuleType = "count" }.Set("field", StatsCounters.TotalWins).Set("threshold", null);

        Assert.Equal("""{"field":"total_wins"}""", draft.RuleData);
    }

    [Fact]
    public void An_all_of_without_a_count_leaves_it_out_so_it_means_all()
    {
        var draft = new MilestoneDraft { RuleType = "all_of" }.Set("milestones", new List<string> { "first_win", "wins_10" });

        Assert.Equal("""{"milestones":["first_win","wins_10"]}""", draft.RuleData);
    }

    [Fact]
    public void Confetti_without_options_stores_no_animation_data()
    {
        var draft = new MilestoneDraft { Animation = AnimationKind.Confetti };

        Assert.Null(draft.AnimationData);
    }

    [Fact]
    public void Typed_colors_become_a_list_whatever_separates_them()
    {
        var draft = new MilestoneDraft { Animation = AnimationKind.Confetti, Colors = "#ffd700,#ff8c00  #ffffff" };

        Assert.Equal("""{"colors":["#ffd700","#ff8c00","#ffffff"]}""", draft.AnimationData);
    }

    [Fact]
    public void Unreadable_stored_rule_data_leaves_the_rule_fields_empty()
    {
        var broken = new MilestoneDefinition("broken", "Broken", "Broken.", "💥", EventTypes.WinLogged, "count", "{not json");

        var draft = MilestoneDraft.From(broken);

        Assert.Null(draft.Number("threshold"));
        Assert.Equal(StatsCounters.TotalWins, draft.Choice(new("field", RuleParameterKind.Counter)));
    }
}
