using MilestonesApp.Application.Visits;
using MilestonesApp.Application.Wins;
using MilestonesApp.Engine;
using MilestonesApp.Tests.Shared;

namespace MilestonesApp.Tests.Application;

public sealed class VisitServiceTests
{
    private const string User = "user-1";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_sign_in_is_one_login_however_often_its_form_is_sent()
    {
        await using var host = await ApplicationHost.StartAsync();
        var visits = host.Get<VisitService>();
        var attempt = Guid.NewGuid();

        await visits.RecordSignInAsync(User, attempt, Ct);
        host.Clock.Advance(TimeSpan.FromSeconds(1));
        await visits.RecordSignInAsync(User, attempt, Ct);

        Assert.Equal(1, await host.CountEventsAsync(User, EventTypes.UserLoggedIn));
    }

    [Fact]
    public async Task Opening_the_app_right_after_signing_in_records_no_second_login()
    {
        await using var host = await ApplicationHost.StartAsync();
        var visits = host.Get<VisitService>();
        await visits.RecordSignInAsync(User, Guid.NewGuid(), Ct);

        host.Clock.Advance(TimeSpan.FromSeconds(2));
        await visits.OpenAppAsync(User, null, Ct);

        Assert.Equal(1, await host.CountEventsAsync(User, EventTypes.UserLoggedIn));
    }

    [Fact]
    public async Task Coming_back_after_the_idle_gap_is_a_login_and_within_it_is_not()
    {
        await using var host = await ApplicationHost.StartAsync();
        var visits = host.Get<VisitService>();
        await visits.OpenAppAsync(User, null, Ct);

        host.Clock.Advance(TimeSpan.FromMinutes(29));
        await visits.OpenAppAsync(User, null, Ct);
        host.Clock.Advance(TimeSpan.FromMinutes(30));
        await visits.OpenAppAsync(User, null, Ct);

        Assert.Equal(2, await host.CountEventsAsync(User, EventTypes.UserLoggedIn));
    }

    [Fact]
    public async Task The_idle_gap_is_configurable()
    {
        await using var host = await ApplicationHost.StartAsync(new Dictionary<string, string?> { ["Milestones:Visits:IdleGap"] = "00:05:00" });
        var visits = host.Get<VisitService>();
        await visits.OpenAppAsync(User, null, Ct);

        host.Clock.Advance(TimeSpan.FromMinutes(6));
        await visits.OpenAppAsync(User, null, Ct);

        Assert.Equal(2, await host.CountEventsAsync(User, EventTypes.UserLoggedIn));
    }

    [Fact]
    public async Task Activity_ends_an_absence_as_opening_the_app_does()
    {
        await using var host = await ApplicationHost.StartAsync();
        var visits = host.Get<VisitService>();
        await visits.OpenAppAsync(User, null, Ct);
        host.Clock.Advance(TimeSpan.FromMinutes(20));
        await host.Get<WinService>().LogAsync(User, "Kept going", Guid.NewGuid(), Ct);

        host.Clock.Advance(TimeSpan.FromMinutes(20));
        await visits.OpenAppAsync(User, null, Ct);

        Assert.Equal(1, await host.CountEventsAsync(User, EventTypes.UserLoggedIn));
    }

    [Fact]
    public async Task Two_tabs_opened_after_the_same_absence_record_one_login()
    {
        await using var host = await ApplicationHost.StartAsync();
        var visits = host.Get<VisitService>();
        await visits.OpenAppAsync(User, null, Ct);
        host.Clock.Advance(TimeSpan.FromHours(2));

        await Task.WhenAll(visits.OpenAppAsync(User, null, Ct), visits.OpenAppAsync(User, null, Ct));

        Assert.Equal(2, await host.CountEventsAsync(User, EventTypes.UserLoggedIn));
    }

    [Fact]
    public async Task Awards_of_a_sign_in_are_celebrated_once_when_the_app_opens()
    {
        await using var host = await ApplicationHost.StartAsync();
        var visits = host.Get<VisitService>();
        await host.RecordAsync(User, EventTypes.WinLogged, EngineHost.Now.AddDays(-30), "old-win");
        await host.RecordAsync(User, EventTypes.UserLoggedIn, EngineHost.Now.AddDays(-20), "old-login");
        host.Clock.Advance(TimeSpan.FromMinutes(1));

        await visits.RecordSignInAsync(User, Guid.NewGuid(), Ct);
        var firstOpen = await visits.OpenAppAsync(User, null, Ct);
        var secondOpen = await visits.OpenAppAsync(User, null, Ct);

        Assert.Contains("welcome_back_14", firstOpen.Select(a => a.Code));
        Assert.Contains("first_win", firstOpen.Select(a => a.Code));
        Assert.Empty(secondOpen);
    }

    [Fact]
    public async Task An_award_celebrated_in_real_time_is_not_celebrated_again_on_open()
    {
        await using var host = await ApplicationHost.StartAsync();
        var visits = host.Get<VisitService>();
        await visits.OpenAppAsync(User, null, Ct);

        var celebrated = await host.Get<WinService>().LogAsync(User, "First!", Guid.NewGuid(), Ct);
        var onOpen = await visits.OpenAppAsync(User, null, Ct);

        Assert.Equal(["first_win"], celebrated.Select(a => a.Code));
        Assert.Empty(onOpen);
    }

    [Fact]
    public async Task Two_tabs_opening_together_celebrate_an_unseen_award_once()
    {
        await using var host = await ApplicationHost.StartAsync();
        var visits = host.Get<VisitService>();
        await visits.OpenAppAsync(User, null, Ct);
        await host.RecordAsync(User, EventTypes.WinLogged, EngineHost.Now, "from-another-device");

        var tabs = await Task.WhenAll(visits.OpenAppAsync(User, null, Ct), visits.OpenAppAsync(User, null, Ct));

        Assert.Equal(["first_win"], tabs.SelectMany(celebrated => celebrated).Select(a => a.Code));
    }
}
