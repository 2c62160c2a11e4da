using MilestonesApp.Data;

namespace MilestonesApp.Tests.Shared;

/// <summary>
/// A shared <see cref="EngineHost"/> for a test class whose tests neither move the clock nor depend on each other's
/// rows: <see cref="Host"/> on SQLite, started with the class; others per provider, started by the first test that
/// asks for one.
/// </summary>
public sealed class EngineHostFixture : IAsyncLifetime
{
    private readonly Dictionary<DatabaseProvider, Task<EngineHost>> hosts = [];
    private EngineHost? host;

    public EngineHost Host => host ?? throw new InvalidOperationException("The fixture has not been initialized.");

    public async ValueTask InitializeAsync() => host = await HostAsync(DatabaseProvider.Sqlite);

    public Task<EngineHost> HostAsync(DatabaseProvider provider)
    {
        lock (hosts)
        {
            if (!hosts.TryGetValue(provider, out var started))
            {
                started = EngineHost.StartAsync(provider);
                hosts.Add(provider, started);
            }

            return started;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var started in hosts.Values.Where(started => started.IsCompletedSuccessfully))
        {
            await (await started).DisposeAsync();
        }
    }
}
