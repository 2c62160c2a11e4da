using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MilestonesApp.Components.Layout;
using MilestonesApp.Tests.Shared;

namespace MilestonesApp.Tests.Components;

public sealed class CultureSwitcherTests : AppComponentTestContext
{
    [Fact]
    [UseCulture("en")]
    public void Offers_each_language_in_its_own_name_and_comes_back_to_the_current_page()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("milestones");

        var switcher = Render<CultureSwitcher>();

        var links = switcher.FindAll("a[data-culture]");
        Assert.Equal(["English", "Español", "Deutsch"], links.Select(a => a.TextContent.Trim()));
        Assert.Equal("Culture/Set?culture=es&redirectUri=%2Fmilestones", links[1].GetAttribute("href"));
        Assert.Equal("true", links[0].GetAttribute("aria-current"));
    }

    [Fact]
    [UseCulture("de")]
    public void Shows_the_current_language()
    {
        var switcher = Render<CultureSwitcher>();

        Assert.Contains("Deutsch", switcher.Find("summary").TextContent);
        Assert.Equal("true", switcher.Find("a[data-culture=de]").GetAttribute("aria-current"));
    }
}
