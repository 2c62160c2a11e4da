using Bunit;
using MilestonesApp.Components.Admin;
using MilestonesApp.Data.Entities;
using MilestonesApp.Engine;
using MilestonesApp.Tests.Shared;

namespace MilestonesApp.Tests.Admin;

/// <summary>The backfill panel, the rule summaries, the missing-text report and the user lookup, as an admin sees them.</summary>
public sealed class AdminToolsComponentTests : AdminComponentTestContext
{
    [Fact]
    public async Task Backfill_reports_who_was_newly_awarded_and_a_second_run_awards_nobody()
    {
        await Host.RecordAsync("early-1", EventTypes.WinLogged, EngineHost.Now.AddDays(-9));
        await Host.RecordAsync("early-2", EventTypes.WinLogged, EngineHost.Now.AddDays(-8));
        await Host.RecordAsync("habit-only", EventTypes.HabitCompleted, EngineHost.Now.AddDays(-7));
        await Host.SaveMilestonesAsync(TestMilestones.Count("retro_win", StatsCounters.TotalWins, 1));
        var page = Render<MilestoneEditPage>(parameters => parameters.Add(p => p.Code, "retro_win"));

        await ClickAsync(page, "backfill-run");
        Assert.Equal("Newly awarded: 2. Users checked: 3.", page.Find("[data-testid=backfill-result]").TextContent.Trim());
        Assert.NotNull(page.Find("[data-testid=backfill-progress]"));

        await ClickAsync(page, "backfill-run");
        Assert.Equal("Newly awarded: 0. Users checked: 3.", page.Find("[data-testid=backfill-result]").TextContent.Trim());
    }

    [Fact]
    public async Task A_draft_goes_live_with_its_backfill_and_then_offers_a_second_run_and_retirement()
    {
        await Host.RecordAsync("early-1", EventTypes.WinLogged, EngineHost.Now.AddDays(-9));
        await Host.SaveMilestonesAsync(TestMilestones.Count("dormant", StatsCounters.TotalWins, 1) with { State = MilestoneState.Draft });
        var page = Render<MilestoneEditPage>(parameters => parameters.Add(p => p.Code, "dormant"));
        Assert.Equal("Draft", page.WaitForElement("[data-testid=lifecycle-state]").TextContent.Trim());
        Assert.Empty(page.FindAll("[data-testid=backfill-run]"));

        await ClickAsync(page, "go-live");

        page.WaitForAssertion(() => Assert.Equal("Live", page.Find("[data-testid=lifecycle-state]").TextContent.Trim()));
        Assert.Equal("Newly awarded: 1. Users checked: 1.", page.Find("[data-testid=backfill-result]").TextContent.Trim());
        Assert.Equal("Live", page.Find("[data-testid=milestone-state]").TextContent.Trim());
        await ClickAsync(page, "backfill-run");
        Assert.Equal("Newly awarded: 0. Users checked: 1.", page.Find("[data-testid=backfill-result]").TextContent.Trim());

        await ClickAsync(page, "retire");

        page.WaitForAssertion(() => Assert.Equal("Retired", page.Find("[data-testid=lifecycle-state]").TextContent.Trim()));
        Assert.Equal(MilestoneState.Retired, (await Host.Catalog.ListAsync(Xunit.TestContext.Current.CancellationToken)).Single(m => m.Code == "dormant").State);
    }

    [Fact]
    public async Task The_impact_of_the_rule_as_edited_is_counted_before_saving()
    {
        await Host.RecordAsync("one-win", EventTypes.WinLogged, EngineHost.Now.AddDays(-9));
        await Host.RecordAsync("two-wins", EventTypes.WinLogged, EngineHost.Now.AddDays(-9));
        await Host.RecordAsync("two-wins", EventTypes.WinLogged, EngineHost.Now.AddDays(-8));
        await Host.SaveMilestonesAsync(TestMilestones.Count("draft_wins", StatsCounters.TotalWins, 2) with { State = MilestoneState.Draft });
        var page = Render<MilestoneEditPage>(parameters => parameters.Add(p => p.Code, "draft_wins"));

        await ClickAsync(page, "impact-run");
        page.WaitForAssertion(() => Assert.Equal(
            "1 users qualify now; 0 already hold it; going live awards 1.", page.Find("[data-testid=impact-result]").TextContent.Trim()));
        Assert.Equal("For example: two-wins", page.Find("[data-testid=impact-sample]").TextContent.Trim());

        page.Find("#rule-threshold").Change("1");
        // The count made for the old rule does not stay on screen as if it described the edited one.
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=impact-result]")));
        await ClickAsync(page, "impact-run");

        page.WaitForAssertion(() => Assert.Equal(
            "2 users qualify now; 0 already hold it; going live awards 2.", page.Find("[data-testid=impact-result]").TextContent.Trim()));
        Assert.Equal(MilestoneState.Draft, (await Host.Catalog.ListAsync(Xunit.TestContext.Current.CancellationToken)).Single(m => m.Code == "draft_wins").State);
        Assert.Null(await Host.AwardOfAsync("two-wins", "draft_wins"));
    }

    [Fact]
    public async Task The_list_shows_each_milestones_state()
    {
        await Host.SaveMilestonesAsync(TestMilestones.Count("draft_wins", StatsCounters.TotalWins, 2) with { State = MilestoneState.Draft });

        var page = Render<AdminMilestonesPage>();

        page.WaitForAssertion(() => Assert.Equal("Draft", page.Find("[data-testid=state-draft_wins]").TextContent.Trim()));
        Assert.Equal("Live", page.Find("[data-testid=state-first_win]").TextContent.Trim());
    }

    [Fact]
    public void The_list_shows_every_rule_in_words()
    {
        var summaries = RuleSummariesOnTheList();

        Assert.Contains("100 wins", summaries);
        Assert.Contains("1 win", summaries);
        Assert.Contains("5 habits within 14 days", summaries);
        Assert.Contains("back after 14 days", summaries);
        Assert.Contains("10 logins", summaries);
    }

    [Fact]
    [UseCulture("de-DE")]
    public void Rules_are_summarized_in_the_admins_language()
    {
        var summaries = RuleSummariesOnTheList();

        Assert.Contains("5 Gewohnheiten innerhalb von 14 Tagen", summaries);
        Assert.Contains("zurück nach 14 Tagen", summaries);
        Assert.Contains("1 Erfolg", summaries);
    }

    [Fact]
    public async Task The_list_counts_holders_and_their_share_of_users()
    {
        await Host.RecordAsync("a", EventTypes.WinLogged, EngineHost.Now);
        await Host.RecordAsync("b", EventTypes.HabitCompleted, EngineHost.Now);

        var page = Render<AdminMilestonesPage>();

        page.WaitForAssertion(() => Assert.Equal("1 (50%)", page.FindAll("tr").Single(row => row.QuerySelector("[data-testid=edit-first_win]") is not null)
            .QuerySelector("[data-testid=holders]")!.TextContent.Trim()));
    }

    [Fact]
    public async Task A_new_milestone_lacks_its_texts_in_every_other_culture_and_the_edit_page_says_which()
    {
        await Host.SaveMilestonesAsync(TestMilestones.Count("wins_25", StatsCounters.TotalWins, 25));

        var page = Render<MilestoneEditPage>(parameters => parameters.Add(p => p.Code, "wins_25"));

        foreach (var culture in new[] { "es", "de" })
        {
            var row = page.WaitForElement($"[data-testid=missing-texts-{culture}]");
            Assert.Contains("wins_25.title", row.TextContent);
            Assert.Contains("wins_25.description", row.TextContent);
        }

        // English is the default culture: it has the definition's own texts, so nothing is missing there.
        Assert.Empty(page.FindAll("[data-testid=missing-texts-en]"));
    }

    [Fact]
    public void A_seeded_milestone_has_its_texts_in_every_culture()
    {
        var page = Render<MilestoneEditPage>(parameters => parameters.Add(p => p.Code, "first_win"));

        page.WaitForAssertion(() => Assert.Contains(
            "Every culture has this milestone's title and description.", page.Find("[data-testid=missing-texts]").TextContent));
    }

    [Fact]
    public async Task The_user_lookup_shows_stats_awards_and_events_read_only()
    {
        await Host.RecordAsync("imported-7", EventTypes.WinLogged, EngineHost.Now.AddDays(-1));
        var before = await Host.CountRowsAsync();
        var page = Render<AdminUsersPage>();

        page.Find("#user-query").Input("imported-7");
        await ClickAsync(page, "user-find");

        Assert.Contains("first_win", page.Find("[data-testid=user-awards]").TextContent);
        // A live award was granted by the event that proves it: said once, not repeated as a second id.
        Assert.Contains("that same event", page.Find("[data-testid=user-awards]").TextContent);
        Assert.Equal("Win logged", page.Find("[data-testid=event-type]").TextContent);
        Assert.Equal(before, await Host.CountRowsAsync());
    }

    [Fact]
    [UseCulture("de-DE")]
    public async Task The_user_lookup_speaks_the_admins_language_and_labels_every_value_for_a_phone()
    {
        await Host.RecordAsync("imported-9", EventTypes.WinLogged, EngineHost.Now.AddDays(-1));
        var page = Render<AdminUsersPage>();

        page.Find("#user-query").Input("imported-9");
        await ClickAsync(page, "user-find");

        Assert.Contains("Erster Erfolg", page.Find("[data-testid=user-awards]").TextContent);
        Assert.DoesNotContain("First win", page.Find("[data-testid=user-awards]").TextContent);
        Assert.Equal("Erfolg notiert", page.Find("[data-testid=event-type]").TextContent);
        // Stacked on a phone, a cell shows its data-label beside its value: none may go without one.
        Assert.All(page.FindAll("[data-testid=user-awards] td, [data-testid=user-events] td"),
            cell => Assert.False(string.IsNullOrEmpty(cell.GetAttribute("data-label")), cell.OuterHtml));
    }

    [Fact]
    [UseCulture("de-DE")]
    public async Task The_user_lookup_shows_times_in_the_admins_time_zone_and_names_it_once()
    {
        await Host.QueryAsync((db, cancellationToken) =>
        {
            db.UserProfiles.Add(new UserProfile { UserId = AdminUserId, TimeZone = "Europe/Berlin" });
            return db.SaveChangesAsync(cancellationToken);
        });
        // 12:00 UTC on 1 June is 14:00 in Berlin's summer time.
        await Host.RecordAsync("imported-8", EventTypes.WinLogged, EngineHost.Now);
        var page = Render<AdminUsersPage>();

        page.Find("#user-query").Input("imported-8");
        await ClickAsync(page, "user-find");

        Assert.Contains("01.06.2026 14:00:00", page.Find("[data-testid=user-events]").TextContent);
        Assert.DoesNotContain("12:00:00", page.Find("[data-testid=user-events]").TextContent);
        Assert.Equal("Zeiten in Europe/Berlin.", Assert.Single(page.FindAll("[data-testid=user-times-zone]")).TextContent.Trim());
    }

    [Fact]
    public async Task The_user_lookup_says_when_nobody_matches()
    {
        var page = Render<AdminUsersPage>();

        page.Find("#user-query").Input("nobody@example.com");
        await ClickAsync(page, "user-find");

        Assert.NotNull(page.Find("[data-testid=user-not-found]"));
    }

    private List<string> RuleSummariesOnTheList()
    {
        var page = Render<AdminMilestonesPage>();
        page.WaitForState(() => page.FindAll("[data-testid=rule-summary]").Count > 0);
        return [.. page.FindAll("[data-testid=rule-summary]").Select(cell => cell.TextContent.Trim())];
    }
}
