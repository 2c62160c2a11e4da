namespace MilestonesApp.Data.Entities;

/// <summary>
/// A row of <c>webhook_endpoints</c>: a URL told of every award made while it is live. The signing secret is stored
/// encrypted with Data Protection, so a database backup alone cannot sign; a removed endpoint keeps its row so that
/// its deliveries still name it.
/// </summary>
public sealed class WebhookEndpoint
{
    public int Id { get; set; }

    public required string Name { get; set; }

    public required string Url { get; set; }

    /// <summary>The <c>whsec_</c> secret, protected with Data Protection.</summary>
    public required string ProtectedSecret { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the endpoint was removed; from then on no new delivery is written for it and none is sent.</summary>
    public DateTimeOffset? RemovedAt { get; set; }
}
