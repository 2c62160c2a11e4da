using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MilestonesApp.Admin;
using MilestonesApp.Application;
using MilestonesApp.Application.Accounts;
using MilestonesApp.Application.Receipts;
using MilestonesApp.Celebrations;
using MilestonesApp.Data;
using MilestonesApp.Engine;
using MilestonesApp.Tests.Shared;
using MilestonesApp.Webhooks;

namespace MilestonesApp.Tests.Admin;

/// <summary>The admin application services on a real database, called as an admin, a signed-in user and an anonymous visitor.</summary>
public sealed class AdminServicesTests : IAsyncLifetime
{
    private readonly SwitchableAuthenticationState signedIn = new();
    private EngineHost host = default!;
    private AsyncServiceScope scope;

    public async ValueTask InitializeAsync()
    {
        host = await EngineHost.StartAsync(
            configureServices: services => services
                .AddMilestonesAdmin()
                .AddScoped<CelebrationQueue>()
                // The preview's "what's next" line reads the admin's receipts.
                .AddSingleton<UserClock>()
                .AddSingleton<ReceiptService>()
                .AddSingleton<AuthenticationStateProvider>(signedIn),
            // The admin's webhooks page stands on the webhooks' services, as in the app.
            addMore: builder => builder.AddMilestonesWebhooks());
        scope = host.Services.CreateAsyncScope();
        signedIn.User = AdminGuardTests.User("admin@example.com", AppRoles.Admin);
    }

    public async ValueTask DisposeAsync()
    {
        await scope.DisposeAsync();
        await host.DisposeAsync();
    }

    private MilestoneAdministration Administration => scope.ServiceProvider.GetRequiredService<MilestoneAdministration>();

    private UserLookup Lookup => scope.ServiceProvider.GetRequiredService<UserLookup>();

    private CelebrationPreview Preview => scope.ServiceProvider.GetRequiredService<CelebrationPreview>();

    private MilestoneTextCoverage Coverage => scope.ServiceProvider.GetRequiredService<MilestoneTextCoverage>();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static TheoryData<string, string> NonAdminActions()
    {
        var data = new TheoryData<string, string>();
        foreach (var who in new[] { "anonymous", "user" })
        {
            foreach (var action in AdminActions.Keys)
            {
                data.Add(who, action);
            }
        }

        return data;
    }

    private static readonly Dictionary<string, Func<AdminServicesTests, Task>> AdminActions = new()
    {
        ["list"] = test => test.Administration.ListAsync(Cancel),
        ["find"] = test => test.Administration.FindAsync("first_win", Cancel),
        ["create"] = test => test.Administration.CreateAsync(TestMilestones.Count("sneaky", StatsCounters.TotalWins, 1), Cancel),
        ["update"] = test => test.Administration.UpdateAsync(TestMilestones.Count("first_win", StatsCounters.TotalWins, 1), Cancel),
        ["deactivate"] = test => test.Administration.SetActiveAsync("first_win", false, Cancel),
        ["backfill"] = test => test.Administration.AwardEveryoneWhoQualifiesAsync("first_win", null, Cancel),
        ["lookup"] = test => test.Lookup.FindAsync("someone", Cancel),
        ["preview"] = test => test.Preview.PreviewAsync(TestMilestones.Count("first_win", StatsCounters.TotalWins, 1), CultureInfo.InvariantCulture),
        ["preview together"] = test => test.Preview.PreviewTogetherAsync([], CultureInfo.InvariantCulture),
        ["preview onboarding"] = test => test.Preview.PreviewOnboardingAsync(CultureInfo.InvariantCulture),
        ["missing texts"] = test => test.Coverage.MissingAsync(["first_win"]),
    };

    [Theory]
    [MemberData(nameof(NonAdminActions))]
    public async Task A_non_admin_is_refused_every_action_and_nothing_changes(string who, string action)
    {
        await host.RecordAsync("someone", EventTypes.WinLogged, EngineHost.Now);
        signedIn.User = who == "user"
            ? AdminGuardTests.User("demo@example.com")
            : new ClaimsPrincipal(new ClaimsIdentity());
        var before = await host.CountRowsAsync();
        var definitions = await host.Catalog.ListAsync(Cancel);

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => AdminActions[action](this));

        Assert.Null(scope.ServiceProvider.GetRequiredService<CelebrationQueue>().Current);
        Assert.Equal(before, await host.CountRowsAsync());
        Assert.Equal(definitions, await host.Catalog.ListAsync(Cancel));
    }

    [Fact]
    public async Task Creating_a_code_already_taken_is_refused_on_the_code_field_and_saves_nothing()
    {
        var before = await host.Catalog.ListAsync(Cancel);

        var refusal = await Assert.ThrowsAsync<MilestoneValidationException>(() =>
            Administration.CreateAsync(TestMilestones.Count("first_win", StatsCounters.TotalWins, 7), Cancel));

        var problem = Assert.Single(refusal.Problems);
        Assert.Equal(nameof(MilestoneDefinition.Code), problem.Field);
        Assert.Equal("A milestone with the code 'first_win' already exists; edit that one instead.", problem.Message);
        Assert.Equal(before, await host.Catalog.ListAsync(Cancel));
    }

    [Fact]
    public async Task Updating_a_code_that_does_not_exist_creates_nothing()
    {
        var before = await host.CountRowsAsync();

        await Assert.ThrowsAsync<KeyNotFoundException>(() =>
            Administration.UpdateAsync(TestMilestones.Count("ghost", StatsCounters.TotalWins, 7), Cancel));

        Assert.Equal(before, await host.CountRowsAsync());
    }

    [Fact]
    public async Task Saving_a_changed_rule_of_a_live_milestone_awards_those_it_now_covers_and_other_saves_award_nobody()
    {
        await Administration.CreateAsync(TestMilestones.Count("wins_3", StatsCounters.TotalWins, 3), Cancel);
        await host.RecordAsync("two", EventTypes.WinLogged, EngineHost.Now.AddDays(-2));
        await host.RecordAsync("two", EventTypes.WinLogged, EngineHost.Now.AddDays(-1));

        var sameRule = await Administration.UpdateAsync(TestMilestones.Count("wins_3", StatsCounters.TotalWins, 3) with { Title = "Three" }, Cancel);
        var changed = await Administration.UpdateAsync(TestMilestones.Count("wins_3", StatsCounters.TotalWins, 2), Cancel);
        var asDraft = await Administration.UpdateAsync(TestMilestones.Count("wins_3", StatsCounters.TotalWins, 1) with { State = MilestoneState.Draft }, Cancel);

        Assert.Null(sameRule);
        Assert.Equal(1, changed?.NewlyAwarded);
        Assert.Null(asDraft);
        Assert.Equal(EngineHost.Now.AddDays(-1), (await host.AwardOfAsync("two", "wins_3"))?.AchievedAt);
    }

    [Fact]
    public async Task Deactivating_stops_new_awards_and_keeps_those_given()
    {
        await Administration.CreateAsync(TestMilestones.Count("wins_2", StatsCounters.TotalWins, 2), Cancel);
        await host.RecordAsync("early", EventTypes.WinLogged, EngineHost.Now.AddDays(-2));
        await host.RecordAsync("early", EventTypes.WinLogged, EngineHost.Now.AddDays(-1));

        await Administration.SetActiveAsync("wins_2", false, Cancel);
        await host.RecordAsync("late", EventTypes.WinLogged, EngineHost.Now.AddDays(-2));
        await host.RecordAsync("late", EventTypes.WinLogged, EngineHost.Now.AddDays(-1));

        var overview = (await Administration.ListAsync(Cancel)).Single(m => m.Definition.Code == "wins_2");
        Assert.False(overview.Definition.IsActive);
        Assert.Equal(1, overview.Holders);
        Assert.Contains(await host.AwardsOfAsync("early"), award => award.Milestone!.Code == "wins_2");
        Assert.DoesNotContain(await host.AwardsOfAsync("late"), award => award.Milestone!.Code == "wins_2");
    }

    [Fact]
    public async Task The_list_shows_every_milestone_with_how_many_users_hold_it()
    {
        await Administration.CreateAsync(TestMilestones.Count("dormant", StatsCounters.TotalWins, 1) with { IsActive = false }, Cancel);
        await host.RecordAsync("one", EventTypes.WinLogged, EngineHost.Now);
        await host.RecordAsync("two", EventTypes.WinLogged, EngineHost.Now);
        await host.RecordAsync("three", EventTypes.HabitCompleted, EngineHost.Now);
        await host.RecordAsync("four", EventTypes.HabitCompleted, EngineHost.Now);

        var list = await Administration.ListAsync(Cancel);

        Assert.Equal(await host.QueryAsync((db, ct) => db.Milestones.CountAsync(ct)), list.Count);
        var firstWin = list.Single(m => m.Definition.Code == "first_win");
        Assert.Equal((2, 4, 0.5), (firstWin.Holders, firstWin.Users, firstWin.Share));
        var dormant = list.Single(m => m.Definition.Code == "dormant");
        Assert.Equal((0, 0.0), (dormant.Holders, dormant.Share));
    }

    [Fact]
    public async Task The_backfill_reports_how_many_were_newly_awarded_and_a_second_run_none()
    {
        await host.RecordAsync("already", EventTypes.WinLogged, EngineHost.Now.AddDays(-3));
        await Administration.CreateAsync(TestMilestones.Count("retro_win", StatsCounters.TotalWins, 1), Cancel);

        var first = await Administration.AwardEveryoneWhoQualifiesAsync("retro_win", null, Cancel);
        var second = await Administration.AwardEveryoneWhoQualifiesAsync("retro_win", null, Cancel);

        Assert.Equal((1, 0), (first.NewlyAwarded, second.NewlyAwarded));
    }

    [Fact]
    public async Task Looking_up_by_email_shows_stats_awards_and_the_latest_events_newest_first()
    {
        await AddAccountAsync("account-1", "Person@Example.com");
        for (var day = 30; day >= 1; day--)
        {
            await host.RecordAsync("account-1", EventTypes.WinLogged, EngineHost.Now.AddDays(-day));
        }

        var report = await Lookup.FindAsync("  person@example.COM ", Cancel);

        Assert.NotNull(report);
        Assert.Equal(("account-1", "Person@Example.com", 30L), (report.UserId, report.Email, report.Stats.TotalWins));
        Assert.Contains(report.Awards, award => award.Code == "first_win");
        Assert.Equal(UserLookup.RecentEventCount, report.RecentEvents.Count);
        Assert.Equal(EngineHost.Now.AddDays(-1), report.RecentEvents[0].OccurredAt);
        Assert.True(report.RecentEvents.Zip(report.RecentEvents.Skip(1)).All(pair => pair.First.OccurredAt > pair.Second.OccurredAt));
    }

    [Fact]
    public async Task Looking_up_finds_an_account_by_id_and_an_engine_user_without_an_account()
    {
        await AddAccountAsync("account-2", "quiet@example.com");
        await host.RecordAsync("imported-7", EventTypes.HabitCompleted, EngineHost.Now);

        var account = await Lookup.FindAsync("account-2", Cancel);
        var imported = await Lookup.FindAsync("imported-7", Cancel);

        Assert.Equal(("quiet@example.com", 0L), (account?.Email, account?.Stats.LoginCount ?? -1));
        Assert.Equal((null, 1L), (imported?.Email, imported?.Stats.TotalHabitsCompleted ?? -1));
    }

    [Fact]
    public async Task Looking_up_nobody_finds_nothing_and_writes_nothing()
    {
        var before = await host.CountRowsAsync();

        Assert.Null(await Lookup.FindAsync("nobody@example.com", Cancel));
        Assert.Null(await Lookup.FindAsync("   ", Cancel));
        Assert.Equal(before, await host.CountRowsAsync());
    }

    private Task AddAccountAsync(string id, string email) => host.QueryAsync(async (db, ct) =>
    {
        db.Users.Add(new ApplicationUser { Id = id, UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant() });
        return await db.SaveChangesAsync(ct);
    });

    /// <summary>The circuit's user, as a test sets it.</summary>
    private sealed class SwitchableAuthenticationState : AuthenticationStateProvider
    {
        public ClaimsPrincipal User { get; set; } = new(new ClaimsIdentity());

        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(User));
    }
}
