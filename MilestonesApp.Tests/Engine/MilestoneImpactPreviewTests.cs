using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MilestonesApp.Data;
using MilestonesApp.Engine;
using MilestonesApp.Tests.Shared;

namespace MilestonesApp.Tests.Engine;

/// <summary>The impact preview counts exactly what going live (save as live, then backfill) awards, and writes nothing.</summary>
public sealed class MilestoneImpactPreviewTests : IAsyncDisposable
{
    private EngineHost? started;

    private EngineHost Host => started ?? throw new InvalidOperationException("The test has not started its Host.");

    private IMilestoneBackfill Backfill => Host.Services.GetRequiredService<IMilestoneBackfill>();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask DisposeAsync()
    {
        if (started is not null)
        {
            await started.DisposeAsync();
        }
    }

    [Theory, OnEachProvider]
    public async Task A_drafts_impact_equals_what_going_live_awards_and_going_live_twice_awards_nothing_more(DatabaseProvider provider)
    {
        started = await EngineHost.StartAsync(provider);
        await RecordAsync("quick", EventTypes.HabitCompleted, 30, 29.5, 29);
        await RecordAsync("late-burst", EventTypes.HabitCompleted, 60, 20, 18, 16);
        await RecordAsync("spread-out", EventTypes.HabitCompleted, 60, 52, 44, 36);
        var draft = TestMilestones.WindowCount("habits_3_in_7", EventTypes.HabitCompleted, 3, 7) with { State = MilestoneState.Draft };
        await Host.Catalog.SaveAsync(draft, Cancel);
        var before = await Host.CountRowsAsync();

        var impact = await Host.Catalog.PreviewImpactAsync(draft, Cancel);

        Assert.Equal(before, await Host.CountRowsAsync());
        Assert.Equal((2, 0, 2), (impact.Qualifying, impact.AlreadyHolding, impact.NewlyAwarded));
        Assert.Equal(["late-burst", "quick"], impact.Sample);

        var wentLive = await GoLiveAsync(draft);
        var again = await GoLiveAsync(draft);

        Assert.Equal(impact.NewlyAwarded, wentLive.NewlyAwarded);
        Assert.Equal(0, again.NewlyAwarded);
        Assert.Equal(2, await Host.QueryAsync((db, ct) => db.UserMilestones.CountAsync(a => a.Milestone!.Code == "habits_3_in_7", ct)));
        var after = await Host.Catalog.PreviewImpactAsync(draft with { State = MilestoneState.Live }, Cancel);
        Assert.Equal((2, 2, 0), (after.Qualifying, after.AlreadyHolding, after.NewlyAwarded));
    }

    [Theory, OnEachProvider]
    public async Task An_edited_live_rule_counts_holders_apart_from_the_newly_qualifying(DatabaseProvider provider)
    {
        started = await EngineHost.StartAsync(provider);
        await Host.SaveMilestonesAsync(TestMilestones.Count("wins_3", StatsCounters.TotalWins, 3));
        await RecordAsync("three", EventTypes.WinLogged, 9, 8, 7);
        await RecordAsync("two", EventTypes.WinLogged, 9, 8);
        await RecordAsync("one", EventTypes.WinLogged, 9);
        var edited = TestMilestones.Count("wins_3", StatsCounters.TotalWins, 2);

        var impact = await Host.Catalog.PreviewImpactAsync(edited, Cancel);
        await Host.Catalog.SaveAsync(edited, Cancel);
        var result = await Backfill.AwardEveryoneWhoQualifiesAsync("wins_3", cancellationToken: Cancel);

        Assert.Equal((2, 1, 1), (impact.Qualifying, impact.AlreadyHolding, impact.NewlyAwarded));
        Assert.Equal(["two"], impact.Sample);
        Assert.Equal(impact.NewlyAwarded, result.NewlyAwarded);
    }

    [Theory, OnEachProvider]
    public async Task A_rule_without_a_set_based_query_is_counted_user_by_user_as_the_backfill_awards(DatabaseProvider provider)
    {
        started = await EngineHost.StartAsync(provider);
        await Host.SaveMilestonesAsync(
            TestMilestones.Count("wins_1", StatsCounters.TotalWins, 1),
            TestMilestones.Count("habits_1", StatsCounters.TotalHabitsCompleted, 1));
        await RecordAsync("both", EventTypes.WinLogged, 5);
        await RecordAsync("both", EventTypes.HabitCompleted, 4);
        await RecordAsync("wins-only", EventTypes.WinLogged, 3);
        var draft = TestMilestones.AllOf("both_firsts", ["wins_1", "habits_1"]) with { State = MilestoneState.Draft };

        var impact = await Host.Catalog.PreviewImpactAsync(draft, Cancel);
        var wentLive = await GoLiveAsync(draft);

        Assert.Equal((1, 0, 1), (impact.Qualifying, impact.AlreadyHolding, impact.NewlyAwarded));
        Assert.Equal(impact.NewlyAwarded, wentLive.NewlyAwarded);
    }

    [Theory, OnEachProvider]
    public async Task The_sample_names_people_by_their_email_where_they_have_an_account(DatabaseProvider provider)
    {
        started = await EngineHost.StartAsync(provider);
        await Host.QueryAsync(async (db, ct) =>
        {
            db.Users.Add(new ApplicationUser { Id = "with-account", UserName = "ana@example.com", Email = "ana@example.com" });
            return await db.SaveChangesAsync(ct);
        });
        await RecordAsync("with-account", EventTypes.WinLogged, 2);
        await RecordAsync("api-only", EventTypes.WinLogged, 1);

        var impact = await Host.Catalog.PreviewImpactAsync(TestMilestones.Count("wins_1", StatsCounters.TotalWins, 1), Cancel);

        Assert.Equal(["api-only", "ana@example.com"], impact.Sample);
    }

    [Theory, OnEachProvider]
    public async Task An_invalid_definition_is_refused_with_its_problems(DatabaseProvider provider)
    {
        started = await EngineHost.StartAsync(provider);

        await Assert.ThrowsAsync<MilestoneValidationException>(() =>
            Host.Catalog.PreviewImpactAsync(TestMilestones.Count("wins_0", StatsCounters.TotalWins, 0), Cancel));
    }

    [Theory, OnEachProvider]
    public async Task Drafts_and_retired_milestones_are_never_awarded_and_holders_keep_retired_ones(DatabaseProvider provider)
    {
        started = await EngineHost.StartAsync(provider);
        await Host.SaveMilestonesAsync(
            TestMilestones.Count("wins_1", StatsCounters.TotalWins, 1) with { State = MilestoneState.Draft },
            TestMilestones.Count("wins_2", StatsCounters.TotalWins, 2));
        await RecordAsync("early", EventTypes.WinLogged, 9, 8);
        await Host.Catalog.SaveAsync(TestMilestones.Count("wins_2", StatsCounters.TotalWins, 2) with { State = MilestoneState.Retired }, Cancel);
        await RecordAsync("late", EventTypes.WinLogged, 3, 2);
        await RecordAsync("late", EventTypes.UserLoggedIn, 1);

        Assert.Equal(["wins_2"], await CodesHeldAsync("early"));
        Assert.Empty(await CodesHeldAsync("late"));
        var states = (await Host.Catalog.ListAsync(Cancel)).ToDictionary(d => d.Code, d => (d.State, d.IsActive));
        Assert.Equal((MilestoneState.Draft, false), states["wins_1"]);
        Assert.Equal((MilestoneState.Retired, false), states["wins_2"]);
    }

    private async Task<BackfillResult> GoLiveAsync(MilestoneDefinition definition)
    {
        await Host.Catalog.SaveAsync(definition with { State = MilestoneState.Live }, Cancel);
        return await Backfill.AwardEveryoneWhoQualifiesAsync(definition.Code, cancellationToken: Cancel);
    }

    // Of this test's milestones only: the seeded ones are live beside them.
    private Task<List<string>> CodesHeldAsync(string userId) => Host.QueryAsync((db, ct) =>
        db.UserMilestones.Where(a => a.UserId == userId && (a.Milestone!.Code == "wins_1" || a.Milestone.Code == "wins_2"))
            .Select(a => a.Milestone!.Code).OrderBy(c => c).ToListAsync(ct));

    private async Task RecordAsync(string userId, string eventType, params double[] daysAgo)
    {
        foreach (var days in daysAgo)
        {
            await Host.RecordAsync(userId, eventType, EngineHost.Now - TimeSpan.FromDays(days));
        }
    }
}
