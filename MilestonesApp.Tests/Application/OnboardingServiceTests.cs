using MilestonesApp.Application.Habits;
using MilestonesApp.Application.Onboarding;
using MilestonesApp.Tests.Shared;

namespace MilestonesApp.Tests.Application;

public sealed class OnboardingServiceTests
{
    private const string User = "user-1";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_new_person_has_not_been_onboarded()
    {
        await using var host = await ApplicationHost.StartAsync();

        Assert.False(await host.Get<OnboardingService>().IsDoneAsync(User, Ct));
    }

    [Fact]
    public async Task Finishing_creates_the_first_habit_and_is_remembered()
    {
        await using var host = await ApplicationHost.StartAsync();
        var onboarding = host.Get<OnboardingService>();

        await onboarding.CompleteAsync(User, "Stretch for five minutes", Ct);

        Assert.True(await onboarding.IsDoneAsync(User, Ct));
        Assert.Equal("Stretch for five minutes", Assert.Single(await host.Get<HabitService>().ListTodayAsync(User, Ct)).Name);
    }

    [Fact]
    public async Task Finishing_twice_creates_one_habit()
    {
        await using var host = await ApplicationHost.StartAsync();
        var onboarding = host.Get<OnboardingService>();

        await onboarding.CompleteAsync(User, "Stretch", Ct);
        await onboarding.CompleteAsync(User, "Stretch", Ct);

        Assert.Single(await host.Get<HabitService>().ListTodayAsync(User, Ct));
    }

    [Fact]
    public async Task Two_tabs_finishing_at_once_create_one_habit()
    {
        await using var host = await ApplicationHost.StartAsync();
        var onboarding = host.Get<OnboardingService>();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(tab => Task.Run(() => onboarding.CompleteAsync(User, $"Stretch {tab}", Ct), Ct)));

        Assert.Single(await host.Get<HabitService>().ListTodayAsync(User, Ct));
        Assert.True(await onboarding.IsDoneAsync(User, Ct));
    }

    [Fact]
    public async Task An_empty_first_habit_is_refused_and_onboarding_stays_open()
    {
        await using var host = await ApplicationHost.StartAsync();
        var onboarding = host.Get<OnboardingService>();

        await Assert.ThrowsAsync<ArgumentException>(() => onboarding.CompleteAsync(User, " ", Ct));

        Assert.False(await onboarding.IsDoneAsync(User, Ct));
    }
}
