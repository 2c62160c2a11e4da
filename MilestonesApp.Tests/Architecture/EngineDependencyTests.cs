using MilestonesApp.Engine;
using NetArchTest.Rules;

namespace MilestonesApp.Tests.Architecture;

public sealed class EngineDependencyTests
{
    [Fact]
    public void Engine_references_no_UI_type()
    {
        var result = Types.InAssembly(typeof(IMilestoneEngine).Assembly)
            .That().ResideInNamespaceStartingWith("MilestonesApp.Engine")
            .ShouldNot().HaveDependencyOnAny("Microsoft.AspNetCore.Components", "MudBlazor", "MilestonesApp.Components")
            .GetResult();

        Assert.True(result.IsSuccessful, "Engine types with UI dependencies: " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void Engine_references_neither_ASP_NET_Core_nor_the_UI_resources()
    {
        var result = Types.InAssembly(typeof(IMilestoneEngine).Assembly)
            .That().ResideInNamespaceStartingWith("MilestonesApp.Engine")
            .ShouldNot().HaveDependencyOnAny("Microsoft.AspNetCore", "MilestonesApp.Resources", "MilestonesApp.Celebrations")
            .GetResult();

        Assert.True(result.IsSuccessful, "Engine types with ASP.NET Core or resource dependencies: " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void The_rule_finds_a_resource_dependency_where_one_exists()
    {
        var result = Types.InAssembly(typeof(IMilestoneEngine).Assembly)
            .That().ResideInNamespaceStartingWith("MilestonesApp.Celebrations")
            .ShouldNot().HaveDependencyOnAny("MilestonesApp.Resources")
            .GetResult();

        Assert.False(result.IsSuccessful);
    }

    [Fact]
    public void The_rule_finds_a_UI_dependency_where_one_exists()
    {
        var result = Types.InAssembly(typeof(IMilestoneEngine).Assembly)
            .That().ResideInNamespaceStartingWith("MilestonesApp.Components")
            .ShouldNot().HaveDependencyOnAny("Microsoft.AspNetCore.Components")
            .GetResult();

        Assert.False(result.IsSuccessful);
    }
}
