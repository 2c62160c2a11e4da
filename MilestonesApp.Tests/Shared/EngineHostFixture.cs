namespace MilestonesApp.Tests.Shared;

/// <summary>One <see cref="EngineHost"/> shared by a test class whose tests neither move the clock nor depend on each other's rows.</summary>
public sealed class EngineHostFixture : IAsyncLifetime
{
    private EngineHost? host;

    public EngineHost Host => host ?? throw new InvalidOperationException("The fixture has not been initialized.");

    public async ValueTask InitializeAsync() => host = await EngineHost.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }
    }
}
