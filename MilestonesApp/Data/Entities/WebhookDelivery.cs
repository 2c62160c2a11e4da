namespace MilestonesApp.Data.Entities;

/// <summary>
/// A row of <c>webhook_deliveries</c>, the outbox: one award to tell one endpoint. A trigger on <c>user_milestones</c>
/// writes it in the award's own transaction; the dispatcher sends it, retries it and records how it ended.
/// </summary>
public sealed class WebhookDelivery
{
    public long Id { get; set; }

    public int EndpointId { get; set; }

    public long AwardId { get; set; }

    /// <summary>The <c>webhook-id</c> header: made with the row, the same on every attempt, so receivers can deduplicate.</summary>
    public required string MessageId { get; set; }

    /// <summary>The JSON body, stored at the first attempt so that every retry sends the same bytes.</summary>
    public string? Body { get; set; }

    public int Attempts { get; set; }

    public WebhookOutcome Outcome { get; set; }

    /// <summary>When the award was made, which is when the delivery became due.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    public DateTimeOffset? LastAttemptAt { get; set; }

    /// <summary>What the last attempt got: <c>HTTP 500</c>, <c>timed out</c>, a refused connection.</summary>
    public string? LastAnswer { get; set; }

    /// <summary>Until when one node's claim holds; a node that dies lets it expire and another node sends the delivery.</summary>
    public DateTimeOffset? LeaseUntil { get; set; }

    /// <summary>The claim that holds the lease: an outcome is recorded only by the claim that made the attempt.</summary>
    public string? LeasedBy { get; set; }

    public WebhookEndpoint? Endpoint { get; set; }

    public UserMilestone? Award { get; set; }
}

/// <summary>Where a delivery stands; stored as its number.</summary>
public enum WebhookOutcome
{
    Pending = 0,
    Delivered = 1,
    Failed = 2,
}
