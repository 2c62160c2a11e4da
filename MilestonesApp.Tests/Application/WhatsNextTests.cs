using MilestonesApp.Application.Receipts;
using MilestonesApp.Engine.Rules;

namespace MilestonesApp.Tests.Application;

/// <summary>The nearest milestone ahead, chosen from the progress the rules report.</summary>
public sealed class WhatsNextTests
{
    private static readonly RuleText Words = new("Progress.count", []);

    [Fact]
    public void The_measured_milestone_with_the_fewest_to_go_is_next()
    {
        var next = WhatsNext.Nearest([Ahead("wins_10", 7, 10), Ahead("logins_10", 9, 10), Ahead("habits_100", 97, 100), Held("first_win")]);

        Assert.Equal("logins_10", next?.Code);
        Assert.Equal(1, WhatsNext.ToGo(next!));
    }

    [Fact]
    public void A_return_is_never_behind_and_is_next_only_when_nothing_ahead_is_measured()
    {
        Assert.Equal("wins_100", WhatsNext.Nearest([Ahead("welcome_back_14", null, null), Ahead("wins_100", 1, 100)])?.Code);

        var onlyReturn = WhatsNext.Nearest([Ahead("welcome_back_14", null, null), Held("wins_100")]);
        Assert.Equal("welcome_back_14", onlyReturn?.Code);
        Assert.Null(WhatsNext.ToGo(onlyReturn!));
    }

    [Fact]
    public void Nothing_is_next_when_everything_is_held()
    {
        Assert.Null(WhatsNext.Nearest([Held("first_win")]));
    }

    [Fact]
    public void Progress_past_its_target_never_counts_below_zero()
    {
        Assert.Equal(0, WhatsNext.ToGo(Ahead("all_three", 4, 3)));
    }

    private static Receipt Ahead(string code, long? current, long? target) =>
        new(code, code, "", "🏁", AchievedAt: null, new RuleProgress(current, target, Words));

    private static Receipt Held(string code) => new(code, code, "", "🏁", DateTimeOffset.UnixEpoch, Progress: null);
}
