using System.Reflection;
using Bunit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MilestonesApp.Admin;
using MilestonesApp.Components.Admin;
using MilestonesApp.Components.Layout;

namespace MilestonesApp.Tests.Admin;

/// <summary>Component level: who may see the admin pages, and what happens when a page is reached without the router's check.</summary>
public sealed class AdminPagesAuthorizationTests : AdminComponentTestContext
{
    private static readonly Type[] Pages =
        [.. typeof(AdminMilestonesPage).Assembly.GetTypes().Where(type => type.Namespace == typeof(AdminMilestonesPage).Namespace && type.GetCustomAttributes<RouteAttribute>().Any())];

    public static TheoryData<string> PageNames => [.. Pages.Select(page => page.Name)];

    [Fact]
    public void Every_admin_page_requires_the_admin_policy()
    {
        Assert.Equal(5, Pages.Length);
        Assert.All(Pages, page => Assert.Contains(page.GetCustomAttributes<AuthorizeAttribute>(), attribute => attribute.Policy == AdminPolicy.Name));
    }

    public static TheoryData<string, string> NonAdminsAndPages()
    {
        var data = new TheoryData<string, string>();
        foreach (var page in Pages)
        {
            data.Add("anonymous", page.Name);
            data.Add("user", page.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(NonAdminsAndPages))]
    public void Anyone_but_an_admin_is_not_shown_the_page(string who, string pageName)
    {
        SignInAs(who == "user" ? Role.User : Role.Anonymous);

        var rendered = RenderPage(pageName);

        rendered.Find("[data-testid=not-authorized]");
        Assert.Empty(rendered.FindComponents<AdminHeader>());
    }

    [Theory]
    [MemberData(nameof(PageNames))]
    public void An_admin_is_shown_the_page(string pageName)
    {
        var rendered = RenderPage(pageName);

        rendered.WaitForAssertion(() => Assert.Empty(rendered.FindAll("[data-testid=not-authorized]")));
        Assert.NotEmpty(rendered.FindComponents<AdminHeader>());
    }

    [Theory]
    [InlineData("admin", 1)]
    [InlineData("user", 0)]
    [InlineData("anonymous", 0)]
    public void The_admin_nav_item_shows_only_for_admins(string who, int adminLinks)
    {
        SignInAs(who switch { "admin" => Role.Admin, "user" => Role.User, _ => Role.Anonymous });

        var menu = Render<NavMenu>();

        Assert.Equal(adminLinks, menu.FindAll("a[href='admin']").Count);
    }

    [Fact]
    public void A_page_rendered_past_the_router_still_refuses_a_user_through_its_service()
    {
        SignInAs(Role.User);

        Assert.Throws<UnauthorizedAccessException>(() => Render<AdminMilestonesPage>());
    }

    private IRenderedComponent<AuthorizeRouteView> RenderPage(string pageName)
    {
        var page = Pages.Single(type => type.Name == pageName);
        var parameters = page == typeof(MilestoneEditPage)
            ? new Dictionary<string, object?> { [nameof(MilestoneEditPage.Code)] = "first_win" }
            : null;
        return RenderRouted(page, parameters);
    }
}
