using MilestonesApp.Data.Entities;

namespace MilestonesApp.Webhooks;

/// <summary>An endpoint as the operator and the admin see it: never its secret.</summary>
public sealed record WebhookEndpointInfo(int Id, string Name, string Url, DateTimeOffset CreatedAt, DateTimeOffset? RemovedAt)
{
    public bool IsRemoved => RemovedAt is not null;
}

/// <summary>A new endpoint with its secret, shown this once.</summary>
public sealed record CreatedWebhookEndpoint(WebhookEndpointInfo Info, string Secret);

/// <summary>One delivery as the admin sees it.</summary>
public sealed record WebhookDeliveryInfo(
    long Id, int EndpointId, string MessageId, long AwardId, string UserId, string MilestoneCode, int Attempts,
    string? LastAnswer, DateTimeOffset? LastAttemptAt, DateTimeOffset NextAttemptAt, WebhookOutcome Outcome);
