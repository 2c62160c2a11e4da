using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using MilestonesApp.Admin;
using MilestonesApp.Application.Accounts;

namespace MilestonesApp.Tests.Admin;

/// <summary>The guard every admin service calls evaluates the app's real policy against the circuit's user.</summary>
public sealed class AdminGuardTests
{
    public static TheoryData<string, ClaimsPrincipal> NonAdmins => new()
    {
        { "anonymous", new ClaimsPrincipal(new ClaimsIdentity()) },
        { "signed-in user", User("demo@example.com") },
        { "role claim without authentication", new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Role, AppRoles.Admin)])) },
    };

    [Theory]
    [MemberData(nameof(NonAdmins))]
    public async Task Refuses_anyone_but_an_admin(string who, ClaimsPrincipal user)
    {
        var guard = GuardFor(user);

        var refusal = await Assert.ThrowsAsync<UnauthorizedAccessException>(guard.EnsureAdminAsync);
        Assert.False(string.IsNullOrEmpty(refusal.Message), who);
    }

    [Fact]
    public async Task Lets_an_admin_through()
    {
        var guard = GuardFor(User("admin@example.com", AppRoles.Admin));

        await guard.EnsureAdminAsync();
    }

    internal static ClaimsPrincipal User(string name, params string[] roles) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Name, name), .. roles.Select(role => new Claim(ClaimTypes.Role, role))], authenticationType: "Test"));

    private static AdminGuard GuardFor(ClaimsPrincipal user)
    {
        var services = new ServiceCollection().AddLogging().AddMilestonesAdmin();
        var authorization = services.BuildServiceProvider().GetRequiredService<IAuthorizationService>();
        return new AdminGuard(new FixedAuthenticationState(user), authorization);
    }

    private sealed class FixedAuthenticationState(ClaimsPrincipal user) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(user));
    }
}
