using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MilestonesApp.Api;
using MilestonesApp.Api.Keys;
using MilestonesApp.Data;
using MilestonesApp.Tests.Shared;

namespace MilestonesApp.Tests.Api;

/// <summary>
/// API keys checked from memory: a live key is found without a query, a key made on another node is accepted at once,
/// and a key revoked on another node is refused here after one refresh interval of this node's clock.
/// </summary>
public sealed class ApiKeysInMemoryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, OnEachProvider]
    public async Task A_key_revoked_on_another_node_is_refused_after_one_refresh_interval(DatabaseProvider provider)
    {
        await using var revoking = await ApiNodeAsync(provider);
        await using var other = await ApiNodeAsync(revoking.Database);
        var created = await revoking.Get<ApiKeyService>().CreateAsync("partner", Ct);
        var refresher = other.Services.GetServices<IHostedService>().OfType<ApiKeyRefresher>().Single();
        await refresher.StartAsync(Ct);
        var keys = other.Get<ApiKeyService>();
        Assert.NotNull(await keys.AuthenticateAsync(created.Key, Ct));

        await revoking.Get<ApiKeyService>().RevokeAsync("partner", Ct);
        // Until its clock moves the other node answers from memory: the check costs it no query.
        Assert.NotNull(await keys.AuthenticateAsync(created.Key, Ct));
        other.Clock.Advance(ApiKeyRefresher.Interval);

        // One refresh interval of the node's clock passed; the wall-clock deadline only bounds a loaded machine's wait.
        var deadline = DateTimeOffset.UtcNow.AddSeconds(15);
        while (await keys.AuthenticateAsync(created.Key, Ct) is not null && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(20, Ct);
        }

        Assert.Null(await keys.AuthenticateAsync(created.Key, Ct));
        Assert.True(ApiKeyRefresher.Interval <= TimeSpan.FromSeconds(1));
        await refresher.StopAsync(Ct);
    }

    [Theory, OnEachProvider]
    public async Task A_key_made_on_another_node_is_accepted_before_the_next_refresh(DatabaseProvider provider)
    {
        await using var making = await ApiNodeAsync(provider);
        await using var other = await ApiNodeAsync(making.Database);
        await other.Get<ApiKeyDirectory>().RefreshAsync(Ct);

        var created = await making.Get<ApiKeyService>().CreateAsync("partner", Ct);

        Assert.Null(other.Get<ApiKeyDirectory>().Find(ApiKeySecret.Hash(created.Key)));
        Assert.Equal(created.Info, await other.Get<ApiKeyService>().AuthenticateAsync(created.Key, Ct));
    }

    [Fact]
    public async Task Keys_made_and_revoked_on_this_node_are_known_in_memory_at_once()
    {
        await using var node = await ApiNodeAsync(DatabaseProvider.Sqlite);
        var service = node.Get<ApiKeyService>();
        var directory = node.Get<ApiKeyDirectory>();

        var kept = await service.CreateAsync("kept", Ct);
        var revoked = await service.CreateAsync("revoked", Ct);
        Assert.Equal(revoked.Info, directory.Find(ApiKeySecret.Hash(revoked.Key)));
        await service.RevokeAsync("revoked", Ct);

        Assert.Equal(kept.Info, directory.Find(ApiKeySecret.Hash(kept.Key)));
        Assert.Null(directory.Find(ApiKeySecret.Hash(revoked.Key)));
        Assert.Null(await service.AuthenticateAsync(revoked.Key, Ct));
    }

    private static Task<EngineHost> ApiNodeAsync(DatabaseProvider provider) =>
        EngineHost.StartAsync(provider, configureServices: services => services.AddApiKeys());

    private static Task<EngineHost> ApiNodeAsync(ITestDatabase database) =>
        EngineHost.StartAsync(database, configureServices: services => services.AddApiKeys());
}
