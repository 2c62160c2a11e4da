using Microsoft.EntityFrameworkCore;
using MilestonesApp.Data.Entities;

namespace MilestonesApp.Data.Configuration;

/// <summary>
/// <c>webhook_endpoints</c> and the outbox <c>webhook_deliveries</c>. The rows of the outbox are written by the
/// <see cref="OutboxTriggerName"/> trigger on <c>user_milestones</c> (see the AddWebhooks migrations), so that every
/// award, whatever made it, writes its deliveries in its own transaction.
/// </summary>
public static class WebhookTablesConfiguration
{
    public const int MaxNameLength = 64;
    public const int MaxUrlLength = 2048;
    public const string OutboxTriggerName = "webhook_outbox";

    /// <summary>The PostgreSQL channel the trigger notifies when it writes deliveries, so dispatchers wake at once.</summary>
    public const string NotificationChannel = "milestones_webhooks";

    public static void ConfigureWebhookTables(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<WebhookEndpoint>(endpoints =>
        {
            endpoints.ToTable("webhook_endpoints");
            endpoints.Property(e => e.Name).HasMaxLength(MaxNameLength);
            endpoints.Property(e => e.Url).HasMaxLength(MaxUrlLength);
            // A removed endpoint's name may be given to a new one; two live endpoints never share one.
            endpoints.HasIndex(e => e.Name).IsUnique().HasFilter("removed_at IS NULL");
        });

        modelBuilder.Entity<WebhookDelivery>(deliveries =>
        {
            deliveries.ToTable("webhook_deliveries");
            deliveries.Property(d => d.MessageId).HasMaxLength(64);
            deliveries.HasIndex(d => new { d.EndpointId, d.AwardId }).IsUnique();
            deliveries.HasIndex(d => d.AwardId);
            // The dispatcher's claim reads only pending rows, in the order they fall due.
            deliveries.HasIndex(d => d.NextAttemptAt).HasFilter("outcome = 0");
            deliveries.HasOne(d => d.Endpoint).WithMany().HasForeignKey(d => d.EndpointId).OnDelete(DeleteBehavior.Restrict);
            deliveries.HasOne(d => d.Award).WithMany().HasForeignKey(d => d.AwardId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
