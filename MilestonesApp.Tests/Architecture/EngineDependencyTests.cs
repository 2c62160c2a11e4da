using MilestonesApp.Engine;
using NetArchTest.Rules;

namespace MilestonesApp.Tests.Architecture;

public sealed class EngineDependencyTests
{
    // The app's layers, lowest first: each may use the ones below it and none above, so no two depend on each other.
    // The engine depends on nothing of the app; Data stores for the engine and the app; Application is what pages call;
    // Celebrations, the API and Admin present and expose it; Operations, Hosting and Components sit on top.
    private static readonly string[] Layers =
    [
        "MilestonesApp.Engine",
        "MilestonesApp.Data",
        "MilestonesApp.Application",
        "MilestonesApp.Celebrations",
        "MilestonesApp.Api",
        "MilestonesApp.Webhooks",
        "MilestonesApp.Admin",
        "MilestonesApp.Operations",
        "MilestonesApp.Hosting",
        "MilestonesApp.Components",
    ];

    public static TheoryData<string> LayersBelowTheTop => [.. Layers[..^1]];

    [Theory]
    [MemberData(nameof(LayersBelowTheTop))]
    public void A_layer_uses_no_layer_above_it(string layer)
    {
        var above = Layers[(Array.IndexOf(Layers, layer) + 1)..];
        var result = Types.InAssembly(typeof(IMilestoneEngine).Assembly)
            .That().ResideInNamespaceStartingWith(layer)
            .ShouldNot().HaveDependencyOnAny(above)
            .GetResult();

        Assert.True(result.IsSuccessful, $"{layer} types that use a layer above it ({string.Join(", ", above)}): " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void The_layer_rule_finds_a_dependency_on_a_layer_above_where_one_exists()
    {
        var result = Types.InAssembly(typeof(IMilestoneEngine).Assembly)
            .That().ResideInNamespaceStartingWith("MilestonesApp.Celebrations")
            .ShouldNot().HaveDependencyOnAny("MilestonesApp.Application")
            .GetResult();

        Assert.False(result.IsSuccessful);
    }

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
