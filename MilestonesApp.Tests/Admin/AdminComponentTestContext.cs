using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MilestonesApp.Admin;
using MilestonesApp.Api.Keys;
using MilestonesApp.Application;
using MilestonesApp.Application.Accounts;
using MilestonesApp.Application.Receipts;
using MilestonesApp.Celebrations;
using MilestonesApp.Data;
using MilestonesApp.Engine;
using MilestonesApp.Tests.Shared;
using MilestonesApp.Webhooks;

namespace MilestonesApp.Tests.Admin;

/// <summary>
/// bUnit for the admin components: the app's data, engine and catalog on a temporary SQLite file, the admin services
/// with the app's real policy, and a test user whose role a test chooses. Signed in as an admin unless a test says otherwise.
/// </summary>
public abstract class AdminComponentTestContext : AppComponentTestContext, IAsyncLifetime
{
    private BunitAuthorizationContext authorization = default!;

    protected EngineHost Host { get; private set; } = default!;

    protected static CancellationToken Cancel => Xunit.TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        Host = await EngineHost.StartAsync();
        // The host's own singletons, so the admin services built here share its database, catalog and clock.
        Services.AddSingleton(Host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>());
        Services.AddSingleton(Host.Services.GetRequiredService<IMilestoneCatalog>());
        Services.AddSingleton(Host.Services.GetRequiredService<MilestoneCatalog>());
        Services.AddSingleton(Host.Services.GetRequiredService<MilestoneTranslations>());
        Services.AddSingleton(Host.Services.GetRequiredService<IMilestoneBackfill>());
        Services.AddSingleton(Host.Services.GetRequiredService<MilestoneTextLocalizer>());
        Services.AddSingleton(new ApiKeyService(
            Host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>(), Host.Services.GetRequiredService<AppWritePath>(), Host.Clock));
        Services.AddSingleton(new WebhookEndpoints(
            Host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>(), Host.Services.GetRequiredService<AppWritePath>(),
            new WebhookSecrets(new EphemeralDataProtectionProvider()), new WebhookSignal(),
            Options.Create(new WebhookOptions { AllowPrivateNetworks = true }), Host.Clock));
        var userClock = new UserClock(Host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>(), Host.Clock);
        Services.AddSingleton(userClock);
        // The preview's "what's next" line reads the admin's own receipts.
        Services.AddSingleton(new ReceiptService(
            Host.Services.GetRequiredService<IEngineReads>(), Host.Services.GetRequiredService<MilestoneDefinitionCache>(),
            Host.Services.GetRequiredService<MilestoneTextLocalizer>(), Host.Services.GetRequiredService<MilestoneProgressReader>(), userClock));
        Services.AddMilestonesAdmin();
        authorization = AddAuthorization();
        // bUnit's stand-in grants whatever policies a test lists; the app's own evaluator applies AdminOnly as the app defines it.
        Services.AddSingleton<IAuthorizationService, DefaultAuthorizationService>();
        Services.AddSingleton<IAuthorizationPolicyProvider, DefaultAuthorizationPolicyProvider>();
        SignInAs(Role.Admin);
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Host.DisposeAsync();
    }

    /// <summary>The signed-in admin's Identity user id, the id their profile (and so their time zone) is stored under.</summary>
    protected const string AdminUserId = "admin-user";

    protected enum Role { Anonymous, User, Admin }

    protected void SignInAs(Role role)
    {
        switch (role)
        {
            case Role.Anonymous:
                authorization.SetNotAuthorized();
                break;
            case Role.User:
                authorization.SetAuthorized("demo@example.com");
                authorization.SetRoles();
                break;
            case Role.Admin:
                authorization.SetAuthorized("admin@example.com");
                authorization.SetRoles(AppRoles.Admin);
                authorization.SetClaims(new Claim(ClaimTypes.NameIdentifier, AdminUserId));
                break;
        }
    }

    /// <summary>Renders a routable page the way the router does: through AuthorizeRouteView with the page's [Authorize] attribute.</summary>
    protected IRenderedComponent<AuthorizeRouteView> RenderRouted(Type page, IReadOnlyDictionary<string, object?>? parameters = null) =>
        Render<AuthorizeRouteView>(view => view
            .Add(p => p.RouteData, new RouteData(page, parameters ?? new Dictionary<string, object?>()))
            .Add(p => p.NotAuthorized, (RenderFragment<AuthenticationState>)(_ => builder =>
            {
                builder.OpenElement(0, "p");
                builder.AddAttribute(1, "data-testid", "not-authorized");
                builder.CloseElement();
            })));

    /// <summary>
    /// Finds the element with <paramref name="testId"/> and clicks it in one step on the renderer: a page that
    /// re-renders between a find and a click (a backfill's progress arrives after its button's handler returned)
    /// would otherwise leave the click on a handler that no longer exists.
    /// </summary>
    protected static async Task ClickAsync<TComponent>(IRenderedComponent<TComponent> page, string testId)
        where TComponent : IComponent
    {
        var selector = $"[data-testid={testId}]";
        page.WaitForElement(selector);
        await page.InvokeAsync(() => page.Find(selector).ClickAsync(new()));
    }
}
