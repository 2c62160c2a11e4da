using System.ComponentModel.DataAnnotations;

namespace MilestonesApp.Webhooks;

/// <summary><c>Milestones:Webhooks</c>: how deliveries are retried and which addresses endpoints may have.</summary>
public sealed class WebhookOptions
{
    public const string Section = "Milestones:Webhooks";

    /// <summary>
    /// Lifts both address rules: plain <c>http</c> and loopback, private or link-local addresses are accepted.
    /// For development and tests only: in production it lets whoever can add an endpoint reach internal services.
    /// </summary>
    public bool AllowPrivateNetworks { get; set; }

    /// <summary>
    /// The pause before each retry; when they are used up, the delivery is marked failed. Unset, <see cref="DefaultRetryDelays"/>:
    /// not an initial value, which the configuration binder would append the configured delays to rather than replace.
    /// </summary>
    public TimeSpan[]? RetryDelays { get; set; }

    internal IReadOnlyList<TimeSpan> EffectiveRetryDelays => RetryDelays is { Length: > 0 } configured ? configured : DefaultRetryDelays;

    /// <summary>How long one attempt may take before it counts as a timeout.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often a dispatcher looks for due deliveries when nothing wakes it: retries and missed notices.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a node's claim on a delivery holds: longer than an attempt, so a live node never loses its claim
    /// mid-attempt, and short enough that a dead node's deliveries are sent by another soon.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Deliveries one claim takes, sent in parallel.</summary>
    [Range(1, 1000)]
    public int BatchSize { get; set; } = 32;

    internal static readonly TimeSpan[] DefaultRetryDelays =
    [
        TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30),
        TimeSpan.FromHours(2), TimeSpan.FromHours(5), TimeSpan.FromHours(10), TimeSpan.FromHours(10),
    ];
}
