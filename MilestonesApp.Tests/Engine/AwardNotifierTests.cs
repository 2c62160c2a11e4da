using MilestonesApp.Engine;
using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using MilestonesApp.Tests.Shared;

namespace MilestonesApp.Tests.Engine;

/// <summary>Awards are published after commit, wherever they are made, to the listeners of the user they are for.</summary>
public sealed class AwardNotifierTests : IAsyncLifetime
{
    private EngineHost host = default!;

    public async ValueTask InitializeAsync() => host = await EngineHost.StartAsync();

    public ValueTask DisposeAsync() => host.DisposeAsync();

    private IAwardNotifier Notifier => host.Services.GetRequiredService<IAwardNotifier>();

    [Fact]
    public async Task An_award_is_published_to_its_user_s_listeners_once_committed()
    {
        var heard = new ConcurrentQueue<(AwardNotice Notice, int AwardsStored)>();
        using var subscription = Notifier.Subscribe("ana", notices =>
        {
            // A listener may read the award at once: it has been committed before the notice.
            var stored = host.AwardsOfAsync("ana").GetAwaiter().GetResult().Count;
            foreach (var notice in notices)
            {
                heard.Enqueue((notice, stored));
            }
        });
        using var other = Notifier.Subscribe("bo", _ => Assert.Fail("bo was told of ana's award"));

        await host.RecordAsync("ana", EventTypes.WinLogged, EngineHost.Now.AddHours(-1), "win-1");
        await host.RecordAsync("ana", EventTypes.WinLogged, EngineHost.Now.AddHours(-1), "win-1");
        await host.RecordAsync("ana", EventTypes.WinLogged, EngineHost.Now, "win-2");

        Assert.Equal([(new AwardNotice("ana", "first_win"), 1)], heard);
    }

    [Fact]
    public async Task A_backfill_publishes_each_recipient_and_a_disposed_subscription_hears_nothing()
    {
        await host.RecordAsync("ana", EventTypes.HabitCompleted, EngineHost.Now.AddDays(-2), "h-1");
        await host.RecordAsync("bo", EventTypes.HabitCompleted, EngineHost.Now.AddDays(-3), "h-2");
        await host.SaveMilestonesAsync(TestMilestones.Count("one_habit_again", StatsCounters.TotalHabitsCompleted, 1));
        var heard = new ConcurrentQueue<AwardNotice>();
        var ana = Notifier.Subscribe("ana", notices => notices.ToList().ForEach(heard.Enqueue));
        Notifier.Subscribe("bo", notices => notices.ToList().ForEach(heard.Enqueue)).Dispose();

        var result = await host.Services.GetRequiredService<IMilestoneBackfill>()
            .AwardEveryoneWhoQualifiesAsync("one_habit_again", cancellationToken: TestContext.Current.CancellationToken);
        ana.Dispose();

        Assert.Equal(2, result.NewlyAwarded);
        Assert.Equal([new AwardNotice("ana", "one_habit_again")], heard);
    }
}
