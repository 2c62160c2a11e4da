using MilestonesApp.Webhooks;

namespace MilestonesApp.Admin;

/// <summary>The admin tab's webhooks page: endpoints and their recent deliveries, each call checked against the admin policy.</summary>
internal sealed class WebhookAdministration(AdminGuard guard, WebhookEndpoints endpoints)
{
    public async Task<IReadOnlyList<WebhookEndpointInfo>> ListAsync(CancellationToken cancellationToken = default)
    {
        await guard.EnsureAdminAsync();
        return await endpoints.ListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<WebhookDeliveryInfo>> RecentDeliveriesAsync(int endpointId, CancellationToken cancellationToken = default)
    {
        await guard.EnsureAdminAsync();
        return await endpoints.RecentDeliveriesAsync(endpointId, cancellationToken: cancellationToken);
    }

    public async Task<CreatedWebhookEndpoint> AddAsync(string name, string url, CancellationToken cancellationToken = default)
    {
        await guard.EnsureAdminAsync();
        return await endpoints.AddAsync(name, url, cancellationToken);
    }

    public async Task RemoveAsync(string name, CancellationToken cancellationToken = default)
    {
        await guard.EnsureAdminAsync();
        await endpoints.RemoveAsync(name, cancellationToken);
    }

    public async Task SendAgainAsync(long deliveryId, CancellationToken cancellationToken = default)
    {
        await guard.EnsureAdminAsync();
        await endpoints.SendAgainAsync(deliveryId, cancellationToken);
    }
}
