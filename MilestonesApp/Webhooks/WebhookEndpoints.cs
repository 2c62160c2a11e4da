using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MilestonesApp.Data;
using MilestonesApp.Data.Configuration;
using MilestonesApp.Data.Entities;

namespace MilestonesApp.Webhooks;

/// <summary>
/// Adds, removes and lists webhook endpoints, shows their recent deliveries and sends a failed one again: what the
/// <c>webhook</c> command and the admin page call.
/// </summary>
public sealed class WebhookEndpoints(
    IDbContextFactory<AppDbContext> dbFactory, AppWritePath writes, WebhookSecrets secrets, WebhookSignal signal,
    IOptions<WebhookOptions> options, TimeProvider time)
{
    public async Task<CreatedWebhookEndpoint> AddAsync(string? name, string? url, CancellationToken cancellationToken = default)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length == 0 || trimmed.Length > WebhookTablesConfiguration.MaxNameLength || trimmed.Any(char.IsControl))
        {
            throw new WebhookException($"A webhook's name must be 1 to {WebhookTablesConfiguration.MaxNameLength} characters, without control characters.");
        }

        var checkedUrl = await WebhookUrls.CheckAsync(url, options.Value.AllowPrivateNetworks, cancellationToken);
        var secret = WebhookSecret.Generate();
        var row = new WebhookEndpoint { Name = trimmed, Url = checkedUrl.AbsoluteUri, ProtectedSecret = secrets.Protect(secret), CreatedAt = time.GetUtcNow() };
        await writes.WriteAsync(async (db, token) =>
        {
            if (await db.WebhookEndpoints.AnyAsync(e => e.Name == trimmed && e.RemovedAt == null, token))
            {
                throw new WebhookException($"A webhook named '{trimmed}' already exists; remove it first or choose another name.");
            }

            db.WebhookEndpoints.Add(row);
            return await db.SaveChangesAsync(token);
        }, cancellationToken);

        return new CreatedWebhookEndpoint(Describe(row), secret);
    }

    /// <summary>Removes the live endpoint of that name: no award from now on is sent to it, nor any pending delivery.</summary>
    public Task<WebhookEndpointInfo> RemoveAsync(string name, CancellationToken cancellationToken = default) =>
        writes.WriteAsync(async (db, token) =>
        {
            var row = await db.WebhookEndpoints.SingleOrDefaultAsync(e => e.Name == name && e.RemovedAt == null, token)
                ?? throw new WebhookException($"No live webhook is named '{name}'.");
            row.RemovedAt = time.GetUtcNow();
            await db.SaveChangesAsync(token);
            return Describe(row);
        }, cancellationToken);

    /// <summary>Every endpoint, live and removed, newest first.</summary>
    public async Task<IReadOnlyList<WebhookEndpointInfo>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.WebhookEndpoints.AsNoTracking().OrderByDescending(e => e.Id).ToListAsync(cancellationToken);
        return rows.ConvertAll(Describe);
    }

    /// <summary>The endpoint's latest deliveries, newest first.</summary>
    public async Task<IReadOnlyList<WebhookDeliveryInfo>> RecentDeliveriesAsync(int endpointId, int count = 20, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.WebhookDeliveries.AsNoTracking()
            .Where(d => d.EndpointId == endpointId)
            .OrderByDescending(d => d.Id)
            .Take(count)
            .Select(d => new WebhookDeliveryInfo(
                d.Id, d.EndpointId, d.MessageId, d.AwardId, d.Award!.UserId, d.Award.Milestone!.Code, d.Attempts,
                d.LastAnswer, d.LastAttemptAt, d.NextAttemptAt, d.Outcome))
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Makes a failed delivery due now with the whole retry schedule ahead of it; its <c>webhook-id</c> and body stay
    /// the same, so a receiver that did get it after all can tell.
    /// </summary>
    public async Task SendAgainAsync(long deliveryId, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var changed = await writes.WriteAsync((db, token) => db.WebhookDeliveries
            .Where(d => d.Id == deliveryId && d.Outcome == WebhookOutcome.Failed && d.Endpoint!.RemovedAt == null)
            .ExecuteUpdateAsync(set => set
                .SetProperty(d => d.Outcome, WebhookOutcome.Pending)
                .SetProperty(d => d.Attempts, 0)
                .SetProperty(d => d.NextAttemptAt, now), token), cancellationToken);
        if (changed == 0)
        {
            throw new WebhookException("Only a failed delivery to a live webhook can be sent again.");
        }

        signal.Wake();
    }

    private static WebhookEndpointInfo Describe(WebhookEndpoint row) => new(row.Id, row.Name, row.Url, row.CreatedAt, row.RemovedAt);
}
