using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MilestonesApp.Data;
using MilestonesApp.Data.Entities;
using MilestonesApp.Webhooks;

namespace MilestonesApp.Tests.Shared;

/// <summary>An <see cref="EngineHost"/> with the webhooks registered and, when asked, this node's dispatcher running.</summary>
public static class WebhookHost
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public static Task<EngineHost> StartAsync(DatabaseProvider provider, bool allowPrivateNetworks = true) =>
        EngineHost.StartAsync(provider, Settings(allowPrivateNetworks), KeysInDatabase, builder => builder.AddMilestonesWebhooks());

    /// <summary>Another node on the same database.</summary>
    public static Task<EngineHost> StartAsync(ITestDatabase database, bool allowPrivateNetworks = true) =>
        EngineHost.StartAsync(database, Settings(allowPrivateNetworks), KeysInDatabase, builder => builder.AddMilestonesWebhooks());

    private static Dictionary<string, string?> Settings(bool allowPrivateNetworks) =>
        new() { [$"{WebhookOptions.Section}:{nameof(WebhookOptions.AllowPrivateNetworks)}"] = allowPrivateNetworks.ToString() };

    // Keys in the database, as the app keeps them: a secret one node protects, another node unprotects.
    private static void KeysInDatabase(IServiceCollection services) =>
        services.AddDataProtection().SetApplicationName("MilestonesApp").PersistKeysToDbContext<AppDbContext>();

    /// <summary>Starts this node's dispatcher (and on PostgreSQL its listener): the host itself is never started.</summary>
    public static async Task StartDispatchingAsync(this EngineHost host)
    {
        foreach (var service in host.Services.GetServices<IHostedService>().Where(s => s is WebhookDispatcher or PostgreSqlWebhookListener))
        {
            await service.StartAsync(TestContext.Current.CancellationToken);
        }
    }

    public static Task<List<WebhookDelivery>> DeliveriesAsync(this EngineHost host) => host.QueryAsync((db, cancellationToken) =>
        db.WebhookDeliveries.AsNoTracking().OrderBy(d => d.Id).ToListAsync(cancellationToken));

    /// <summary>Waits until the deliveries satisfy <paramref name="condition"/>; fails the test after a generous patience.</summary>
    public static async Task<List<WebhookDelivery>> WaitForDeliveriesAsync(this EngineHost host, Func<List<WebhookDelivery>, bool> condition)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(Patience);
        while (true)
        {
            var deliveries = await host.DeliveriesAsync();
            if (condition(deliveries))
            {
                return deliveries;
            }

            await Task.Delay(20, timeout.Token);
        }
    }

    /// <summary>Moves the fake clock and wakes the dispatcher, as its poll timer would.</summary>
    public static void AdvanceAndWake(this EngineHost host, TimeSpan by)
    {
        host.Clock.Advance(by);
        host.Services.GetRequiredService<WebhookSignal>().Wake();
    }
}
