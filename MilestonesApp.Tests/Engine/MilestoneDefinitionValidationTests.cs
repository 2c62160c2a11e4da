using MilestonesApp.Data;
using MilestonesApp.Engine;
using MilestonesApp.Tests.Shared;

namespace MilestonesApp.Tests.Engine;

public sealed class MilestoneDefinitionValidationTests(EngineHostFixture fixture) : IClassFixture<EngineHostFixture>
{
    private const string Login = EventTypes.UserLoggedIn;
    private const string Win = EventTypes.WinLogged;

    public static TheoryData<string, string, string, string, AnimationKind, string?, string> BadDefinitions => new()
    {
        // problem, trigger, rule type, rule data, animation, animation data, words of the expected reason
        { "unknown rule type", Win, "streak", """{"days":7}""", AnimationKind.Confetti, null, "Rule type 'streak' is unknown" },
        { "unknown counter", Win, "count", """{"field":"total_logins","threshold":3}""", AnimationKind.Confetti, null, "Counter 'total_logins' is unknown" },
        { "unknown window event", Win, "window_count", """{"event":"WinLoged","count":3,"window_days":7}""", AnimationKind.Confetti, null, "Event 'WinLoged' is unknown" },
        { "unknown trigger event", "SignedUp", "count", """{"field":"total_wins","threshold":3}""", AnimationKind.Confetti, null, "Trigger event 'SignedUp' is unknown" },
        { "missing property", Win, "count", """{"field":"total_wins"}""", AnimationKind.Confetti, null, "needs the property 'threshold'" },
        { "extra property", Login, "return_after_gap", """{"gap_days":14,"grace_days":2}""", AnimationKind.Confetti, null, "does not take the property 'grace_days'" },
        { "zero threshold", Win, "count", """{"field":"total_wins","threshold":0}""", AnimationKind.Confetti, null, "'threshold' must be a whole number from 1" },
        { "negative window", Win, "window_count", """{"event":"WinLogged","count":3,"window_days":-7}""", AnimationKind.Confetti, null, "'window_days' must be a whole number from 1" },
        { "fractional count", Win, "window_count", """{"event":"WinLogged","count":2.5,"window_days":7}""", AnimationKind.Confetti, null, "'count' must be a whole number from 1" },
        { "number as text", Login, "return_after_gap", """{"gap_days":"14"}""", AnimationKind.Confetti, null, "'gap_days' must be a whole number from 1" },
        { "malformed JSON", Win, "count", """{"field":"total_wins","threshold":""", AnimationKind.Confetti, null, "Rule data is not valid JSON" },
        { "duplicate rule property", Win, "count", """{"field":"total_wins","threshold":3,"threshold":1}""", AnimationKind.Confetti, null, "Rule data names the property 'threshold' more than once" },
        { "duplicate nested rule property", Win, "count", """{"field":"total_wins","threshold":3,"extra":{"a":1,"a":2}}""", AnimationKind.Confetti, null, "Rule data names the property 'a' more than once" },
        { "JSON that is not an object", Win, "count", "[1,2]", AnimationKind.Confetti, null, "Rule data must be a JSON object" },
        { "no rule data", Win, "count", " ", AnimationKind.Confetti, null, "needs its rule data as a JSON object" },
        { "return_after_gap not on logins", Win, "return_after_gap", """{"gap_days":14}""", AnimationKind.Confetti, null, "its trigger must be UserLoggedIn" },
        { "confetti options not JSON", Win, "count", """{"field":"total_wins","threshold":1}""", AnimationKind.Confetti, "{particleCount:", "Confetti options are not valid JSON" },
        { "confetti options not an object", Win, "count", """{"field":"total_wins","threshold":1}""", AnimationKind.Confetti, "150", "Confetti options must be a JSON object" },
        { "too many particles", Win, "count", """{"field":"total_wins","threshold":1}""", AnimationKind.Confetti, """{"particleCount":100000}""", "'particleCount' must be a whole number from 1 to 500" },
        { "duplicate confetti option", Win, "count", """{"field":"total_wins","threshold":1}""", AnimationKind.Confetti, """{"spread":90,"spread":45}""", "Confetti options name the property 'spread' more than once" },
        { "unknown confetti option", Win, "count", """{"field":"total_wins","threshold":1}""", AnimationKind.Confetti, """{"gravity":2}""", "Confetti option 'gravity' is not supported" },
        { "bad colour", Win, "count", """{"field":"total_wins","threshold":1}""", AnimationKind.Confetti, """{"colors":["red"]}""", "'colors' must be a list of 1 to 12 colors" },
        { "video without a path", Win, "count", """{"field":"total_wins","threshold":1}""", AnimationKind.Webm, null, "A Webm animation needs the path of a .webm file" },
        { "video path leaving wwwroot", Win, "count", """{"field":"total_wins","threshold":1}""", AnimationKind.Webm, "media/../../secrets.webm", "A Webm animation needs the path of a .webm file" },
        { "video that is not webm", Win, "count", """{"field":"total_wins","threshold":1}""", AnimationKind.Webm, "media/trophy.mp4", "A Webm animation needs the path of a .webm file" },
        { "video path ending in a newline", Win, "count", """{"field":"total_wins","threshold":1}""", AnimationKind.Webm, "media/trophy.webm\n", "A Webm animation needs the path of a .webm file" },
        { "data for no animation", Win, "count", """{"field":"total_wins","threshold":1}""", AnimationKind.None, "media/trophy.webm", "Animation None takes no animation data" },
        { "unknown animation", Win, "count", """{"field":"total_wins","threshold":1}""", (AnimationKind)7, null, "Animation '7' is unknown" },
        { "all_of naming no milestone", Login, "all_of", """{"milestones":["first_win","no_such_milestone"]}""", AnimationKind.Confetti, null, "Milestone 'no_such_milestone' does not exist" },
        { "all_of listing itself", Login, "all_of", """{"milestones":["first_win","test_bad"]}""", AnimationKind.Confetti, null, "Milestone 'test_bad' cannot list itself" },
        { "all_of count above the list", Login, "all_of", """{"milestones":["first_win","wins_10"],"count":3}""", AnimationKind.Confetti, null, "'count' must be a whole number from 1 to 2" },
        { "all_of count of zero", Login, "all_of", """{"milestones":["first_win","wins_10"],"count":0}""", AnimationKind.Confetti, null, "'count' must be a whole number from 1" },
        { "all_of listing one twice", Login, "all_of", """{"milestones":["first_win","first_win"]}""", AnimationKind.Confetti, null, "lists 'first_win' more than once" },
        { "all_of with an extra property", Login, "all_of", """{"milestones":["first_win"],"within_days":3}""", AnimationKind.Confetti, null, "does not take the property 'within_days'" },
        { "all_of without its list", Login, "all_of", """{"count":1}""", AnimationKind.Confetti, null, "needs the property 'milestones'" },
        { "all_of list that is not a list", Login, "all_of", """{"milestones":"first_win"}""", AnimationKind.Confetti, null, "'milestones' must be a list of one or more non-empty texts" },
        { "all_of not on logins", Win, "all_of", """{"milestones":["first_win"]}""", AnimationKind.Confetti, null, "its trigger must be UserLoggedIn" },
    };

    [Theory]
    [MemberData(nameof(BadDefinitions))]
    public async Task A_bad_definition_is_refused_with_its_reason_and_saves_nothing(
        string problem, string trigger, string ruleType, string ruleData, AnimationKind animation, string? animationData, string reason)
    {
        var host = fixture.Host;
        var before = await host.CountRowsAsync();
        var definition = new MilestoneDefinition(
            "test_bad", "Bad", $"A definition with {problem}.", "⭐", trigger, ruleType, ruleData, Animation: animation, AnimationData: animationData);

        var refused = await Assert.ThrowsAsync<MilestoneValidationException>(() => host.Catalog.SaveAsync(definition, TestContext.Current.CancellationToken));

        Assert.Contains(refused.Errors, error => error.Contains(reason, StringComparison.Ordinal));
        Assert.All(refused.Errors, error => Assert.EndsWith(".", error));
        Assert.Equal(before, await host.CountRowsAsync());
        Assert.DoesNotContain(await host.Catalog.ListAsync(TestContext.Current.CancellationToken), saved => saved.Code == "test_bad");
    }

    [Fact]
    public async Task Every_problem_of_a_definition_is_reported_at_once()
    {
        var definition = new MilestoneDefinition("First Win", " ", "", "⭐", "Signup", "count", """{"field":"total_wins","threshold":0,"bonus":1}""");

        var refused = await Assert.ThrowsAsync<MilestoneValidationException>(() => fixture.Host.Catalog.SaveAsync(definition, TestContext.Current.CancellationToken));

        Assert.Collection(
            refused.Errors,
            error => Assert.StartsWith("Code 'First Win' must be", error),
            error => Assert.Equal("Title is required.", error),
            error => Assert.Equal("Description is required.", error),
            error => Assert.StartsWith("Trigger event 'Signup' is unknown", error),
            error => Assert.StartsWith("Rule 'count' does not take the property 'bonus'", error),
            error => Assert.StartsWith("Rule 'count' property 'threshold' must be a whole number from 1", error));
    }

    [Theory, OnEachProvider]
    public async Task A_bad_update_leaves_the_saved_definition_as_it_was(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        var good = TestMilestones.Count("test_kept", StatsCounters.TotalWins, 5);
        await host.SaveMilestonesAsync(good);

        await Assert.ThrowsAsync<MilestoneValidationException>(() =>
            host.Catalog.SaveAsync(good with { Title = "Changed", RuleData = """{"field":"total_wins","threshold":-1}""" }, TestContext.Current.CancellationToken));

        Assert.Contains(good, await host.Catalog.ListAsync(TestContext.Current.CancellationToken));
    }
}
