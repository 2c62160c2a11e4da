namespace MilestonesApp.Webhooks;

/// <summary>An endpoint could not be added or removed; the message is one sentence for the operator.</summary>
public sealed class WebhookException(string message) : Exception(message);
