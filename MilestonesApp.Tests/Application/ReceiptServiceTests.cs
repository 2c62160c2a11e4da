using System.Globalization;
using MilestonesApp.Application.Receipts;
using MilestonesApp.Application.Visits;
using MilestonesApp.Engine;
using MilestonesApp.Engine.Rules;
using MilestonesApp.Tests.Shared;

namespace MilestonesApp.Tests.Application;

public sealed class ReceiptServiceTests
{
    private const string User = "user-1";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_active_milestone_is_listed_once()
    {
        await using var host = await ApplicationHost.StartAsync();
        await host.RecordAsync(User, EventTypes.WinLogged, EngineHost.Now);

        var receipts = await host.Get<ReceiptService>().ListAsync(User, Ct);

        Assert.Equal(14, receipts.Count);
        Assert.Equal(14, receipts.Select(r => r.Code).Distinct().Count());
    }

    [Fact]
    public async Task An_earned_receipt_shows_when_it_was_achieved_in_the_persons_time_zone()
    {
        await using var host = await ApplicationHost.StartAsync();
        await host.Get<VisitService>().OpenAppAsync(User, "Europe/Berlin", Ct);
        var achieved = EngineHost.Now.AddDays(-3);
        await host.RecordAsync(User, EventTypes.WinLogged, achieved);

        var firstWin = (await host.Get<ReceiptService>().ListAsync(User, Ct)).Single(r => r.Code == "first_win");

        Assert.True(firstWin.IsEarned);
        Assert.Equal(achieved, firstWin.AchievedAt);
        Assert.Equal(TimeSpan.FromHours(2), firstWin.AchievedAt!.Value.Offset);
        Assert.Null(firstWin.Progress);
    }

    [Fact]
    public async Task A_count_milestone_shows_the_counter_against_its_threshold()
    {
        await using var host = await ApplicationHost.StartAsync();
        for (var i = 0; i < 4; i++)
        {
            await host.RecordAsync(User, EventTypes.WinLogged, EngineHost.Now.AddDays(-i));
        }

        var tenWins = (await host.Get<ReceiptService>().ListAsync(User, Ct)).Single(r => r.Code == "wins_10");

        Assert.Equal((4L, 10L), (tenWins.Progress?.Current, tenWins.Progress?.Target));
    }

    [Fact]
    public async Task A_window_milestone_counts_only_the_window_ending_now()
    {
        await using var host = await ApplicationHost.StartAsync();
        await host.RecordAsync(User, EventTypes.HabitCompleted, EngineHost.Now.AddDays(-20));
        await host.RecordAsync(User, EventTypes.HabitCompleted, EngineHost.Now.AddDays(-10));
        await host.RecordAsync(User, EventTypes.HabitCompleted, EngineHost.Now.AddDays(-1));

        var rhythm = (await host.Get<ReceiptService>().ListAsync(User, Ct)).Single(r => r.Code == "habits_5_in_14");

        Assert.Equal((2L, 5L), (rhythm.Progress?.Current, rhythm.Progress?.Target));
        Assert.Equal(14, rhythm.Progress?.Terms?["windowDays"]);
    }

    [Fact]
    public async Task A_return_milestone_explains_itself_without_a_measure()
    {
        await using var host = await ApplicationHost.StartAsync();

        var welcomeBack = (await host.Get<ReceiptService>().ListAsync(User, Ct)).Single(r => r.Code == "welcome_back_60");

        // A return is never behind: nothing counts down toward it.
        Assert.Equal((null, null), (welcomeBack.Progress?.Current, welcomeBack.Progress?.Target));
        Assert.Equal(new NumberArgument(60), Assert.Single(welcomeBack.Progress!.Text.Arguments));
    }

    [Fact]
    public async Task Texts_follow_the_current_ui_culture()
    {
        await using var host = await ApplicationHost.StartAsync();
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("de");
        try
        {
            var firstWin = (await host.Get<ReceiptService>().ListAsync(User, Ct)).Single(r => r.Code == "first_win");

            Assert.Equal("Erster Erfolg", firstWin.Title);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
