using MilestonesApp.Celebrations;
using MilestonesApp.Engine;
using static MilestonesApp.Tests.Shared.TestAwards;

namespace MilestonesApp.Tests.Celebrations;

public sealed class CelebrationQueueTests
{
    private readonly CelebrationQueue queue = new();

    [Fact]
    public void No_awards_enqueue_nothing()
    {
        var changes = CountChanges();

        queue.Enqueue([]);

        Assert.Null(queue.Current);
        Assert.Equal(0, changes());
    }

    [Fact]
    public void Awards_are_shown_one_at_a_time_in_the_order_they_arrive()
    {
        queue.Enqueue([Award("first"), Award("second")]);
        queue.Enqueue([Award("third")]);

        Assert.Equal(["first", "second", "third"], DismissAll().Select(CodeOf));
        Assert.Null(queue.Current);
    }

    [Fact]
    public void Three_awards_arriving_together_are_celebrated_separately()
    {
        queue.Enqueue(Awards(CelebrationQueue.MaxSeparateAwards));

        Assert.All(DismissAll(), celebration => Assert.IsType<MilestoneCelebration>(celebration));
    }

    [Fact]
    public void More_than_three_awards_arriving_together_become_one_grouped_celebration()
    {
        var awards = Awards(5).ToList();

        queue.Enqueue(awards);
        awards.Clear();

        var grouped = Assert.IsType<GroupedCelebration>(Assert.Single(DismissAll()));
        Assert.Equal(["award_1", "award_2", "award_3", "award_4", "award_5"], grouped.Awards.Select(award => award.Code));
    }

    [Fact]
    public void Awards_made_while_away_become_one_quiet_card_however_many_after_the_earned_ones()
    {
        queue.Enqueue([Award("earned"), .. Awards(5).Select(award => award with { WhileAway = true })]);

        var celebrations = DismissAll();

        Assert.Equal("earned", Assert.IsType<MilestoneCelebration>(celebrations[0]).Award.Code);
        var quiet = Assert.IsType<QuietCelebration>(celebrations[1]);
        Assert.Equal(AnimationKind.None, quiet.Animation);
        Assert.Equal(["award_1", "award_2", "award_3", "award_4", "award_5"], quiet.Awards.Select(award => award.Code));
        Assert.Equal(2, celebrations.Count);
    }

    [Fact]
    public void A_single_award_made_while_away_is_quiet_too()
    {
        queue.Enqueue([Award("window") with { WhileAway = true }]);

        Assert.IsType<QuietCelebration>(Assert.Single(DismissAll()));
    }

    [Fact]
    public void Onboarding_waits_its_turn_behind_earlier_celebrations()
    {
        queue.Enqueue([Award("first")]);
        queue.EnqueueOnboarding();

        var celebrations = DismissAll();

        Assert.IsType<MilestoneCelebration>(celebrations[0]);
        Assert.IsType<OnboardingCelebration>(celebrations[1]);
    }

    [Fact]
    public void Changed_is_raised_only_when_the_current_celebration_changes()
    {
        var changes = CountChanges();

        queue.Enqueue([Award("first")]);
        Assert.Equal(1, changes());

        queue.Enqueue([Award("second")]);
        Assert.Equal(1, changes());

        queue.DismissCurrent();
        queue.DismissCurrent();
        Assert.Equal(3, changes());
    }

    [Fact]
    public void Dismissing_when_nothing_is_shown_changes_nothing()
    {
        var changes = CountChanges();

        queue.DismissCurrent();

        Assert.Null(queue.Current);
        Assert.Equal(0, changes());
    }

    [Fact]
    public async Task Awards_enqueued_from_many_threads_are_each_celebrated_once()
    {
        await Parallel.ForAsync(0, 400, TestContext.Current.CancellationToken, (number, _) =>
        {
            queue.Enqueue([Award($"award_{number}")]);
            return ValueTask.CompletedTask;
        });

        var codes = DismissAll().Select(CodeOf).ToList();

        Assert.Equal(400, codes.Count);
        Assert.Equal(400, codes.Distinct().Count());
    }

    private List<Celebration> DismissAll()
    {
        var shown = new List<Celebration>();
        while (queue.Current is { } current)
        {
            shown.Add(current);
            queue.DismissCurrent();
        }

        return shown;
    }

    private Func<int> CountChanges()
    {
        var count = 0;
        queue.Changed += () => Interlocked.Increment(ref count);
        return () => Volatile.Read(ref count);
    }

    private static string CodeOf(Celebration celebration) => Assert.IsType<MilestoneCelebration>(celebration).Award.Code;
}
