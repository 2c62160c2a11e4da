using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MilestonesApp.Api.Keys;
using MilestonesApp.Components.Admin;

namespace MilestonesApp.Tests.Admin;

/// <summary>The admin tab's API keys page: a new key is shown once, listed by name and prefix only, and can be revoked.</summary>
public sealed class ApiKeysPageTests : AdminComponentTestContext
{
    private ApiKeyService Keys => Services.GetRequiredService<ApiKeyService>();

    [Fact]
    public async Task A_created_key_is_shown_once_and_works()
    {
        var page = Render<ApiKeysPage>();
        page.Find("[data-testid=api-keys-empty]");

        page.Find("#api-key-name").Input("mobile-app");
        await page.Find("[data-testid=api-key-create]").ClickAsync(new());

        var key = page.Find("[data-testid=api-key-secret]").TextContent;
        Assert.Equal("mobile-app", (await Keys.AuthenticateAsync(key, Cancel))?.Name);
        var row = page.Find("[data-testid=api-key][data-name=mobile-app]");
        Assert.Contains(key[..ApiKeySecret.PrefixLength], row.TextContent);
        Assert.DoesNotContain(key, row.TextContent);
        var reopened = Render<ApiKeysPage>();
        Assert.DoesNotContain(key, reopened.Markup);
    }

    [Fact]
    public async Task A_revoked_key_is_refused_and_marked_revoked()
    {
        var created = await Keys.CreateAsync("backend", Cancel);
        var page = Render<ApiKeysPage>();

        await page.Find("[data-testid=api-key][data-name=backend] [data-testid=api-key-revoke]").ClickAsync(new());

        Assert.Equal("true", page.Find("[data-testid=api-key][data-name=backend]").GetAttribute("data-revoked"));
        Assert.Empty(page.FindAll("[data-testid=api-key-revoke]"));
        Assert.Null(await Keys.AuthenticateAsync(created.Key, Cancel));
    }

    [Fact]
    public async Task A_name_in_use_is_refused_in_the_person_s_language()
    {
        await Keys.CreateAsync("backend", Cancel);
        var page = Render<ApiKeysPage>();

        page.Find("#api-key-name").Input("backend");
        await page.Find("[data-testid=api-key-create]").ClickAsync(new());

        Assert.Equal("A key named 'backend' is in use already; revoke it first or choose another name.", page.Find("[data-testid=api-key-problem]").TextContent);
        Assert.Empty(page.FindAll("[data-testid=api-key-secret]"));
        Assert.Single(page.FindAll("[data-testid=api-key]"));
    }

    [Fact]
    public void A_user_who_is_not_an_admin_is_refused_by_the_service()
    {
        SignInAs(Role.User);

        Assert.Throws<UnauthorizedAccessException>(() => Render<ApiKeysPage>());
    }
}
