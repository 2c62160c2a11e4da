using MilestonesApp.Data;
using MilestonesApp.Engine;
using MilestonesApp.Tests.Shared;

namespace MilestonesApp.Tests.Engine;

public sealed class ReturnAfterGapRuleTests
{
    private const string Code = "test_back_after_14";
    private const string User = "user-1";
    private static readonly DateTimeOffset Start = EngineHost.Now.AddDays(-60);

    [Theory, OnEachProvider]
    public async Task A_first_ever_login_is_not_a_return(DatabaseProvider provider)
    {
        await using var host = await StartWithMilestoneAsync(provider);

        await host.RecordAsync(User, EventTypes.WinLogged, Start);
        var firstLogin = await host.RecordAsync(User, EventTypes.UserLoggedIn, Start.AddDays(30));

        await host.AssertNotAwardedAsync(User, Code, firstLogin);
    }

    [Theory, OnEachProvider]
    public async Task A_login_one_hour_short_of_the_gap_is_not_a_return(DatabaseProvider provider)
    {
        await using var host = await StartWithMilestoneAsync(provider);

        await host.RecordAsync(User, EventTypes.UserLoggedIn, Start);
        var second = await host.RecordAsync(User, EventTypes.UserLoggedIn, Start.AddDays(14).AddHours(-1));

        await host.AssertNotAwardedAsync(User, Code, second);
    }

    [Theory, OnEachProvider]
    public async Task A_login_exactly_the_gap_after_the_previous_one_is_a_return(DatabaseProvider provider)
    {
        await using var host = await StartWithMilestoneAsync(provider);

        await host.RecordAsync(User, EventTypes.UserLoggedIn, Start);
        var second = await host.RecordAsync(User, EventTypes.UserLoggedIn, Start.AddDays(14));

        await host.AssertAwardedAsync(User, Code, awardedBy: second, achievedBy: second, Start.AddDays(14));
    }

    [Theory, OnEachProvider]
    public async Task The_gap_is_measured_from_the_previous_login_not_from_other_activity(DatabaseProvider provider)
    {
        await using var host = await StartWithMilestoneAsync(provider);

        await host.RecordAsync(User, EventTypes.UserLoggedIn, Start);
        await host.RecordAsync(User, EventTypes.WinLogged, Start.AddDays(10));
        var second = await host.RecordAsync(User, EventTypes.UserLoggedIn, Start.AddDays(14));

        await host.AssertAwardedAsync(User, Code, awardedBy: second, achievedBy: second, Start.AddDays(14));
    }

    [Theory, OnEachProvider]
    public async Task Frequent_logins_never_add_up_to_a_return(DatabaseProvider provider)
    {
        await using var host = await StartWithMilestoneAsync(provider);
        var logins = new List<EngineResult>();

        for (var day = 0; day <= 28; day += 7)
        {
            logins.Add(await host.RecordAsync(User, EventTypes.UserLoggedIn, Start.AddDays(day)));
        }

        await host.AssertNotAwardedAsync(User, Code, [.. logins]);
    }

    private static async Task<EngineHost> StartWithMilestoneAsync(DatabaseProvider provider)
    {
        var host = await EngineHost.StartAsync(provider);
        await host.SaveMilestonesAsync(TestMilestones.ReturnAfterGap(Code, gapDays: 14));
        return host;
    }
}
