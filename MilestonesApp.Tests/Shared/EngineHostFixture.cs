using MilestonesApp.Data;

namespace MilestonesApp.Tests.Shared;

/// <summary>
/// One <see cref="EngineHost"/> per provider, shared by a test class whose tests neither move the clock nor depend
/// on each other's rows; each is started by the first test that asks for it.
/// </summary>
public sealed class EngineHostFixture : IAsyncDisposable
{
    private readonly Dictionary<DatabaseProvider, Task<EngineHost>> hosts = [];

    /// <summary>The SQLite host, for tests whose subject comes before storage.</summary>
    public Task<EngineHost> HostAsync() => HostAsync(DatabaseProvider.Sqlite);

    public Task<EngineHost> HostAsync(DatabaseProvider provider)
    {
        lock (hosts)
        {
            if (!hosts.TryGetValue(provider, out var host))
            {
                host = EngineHost.StartAsync(provider);
                hosts.Add(provider, host);
            }

            return host;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in hosts.Values.Where(host => host.IsCompletedSuccessfully))
        {
            await (await host).DisposeAsync();
        }
    }
}
