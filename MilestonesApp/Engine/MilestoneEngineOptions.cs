using System.ComponentModel.DataAnnotations;

namespace MilestonesApp.Engine;

/// <summary>Limits on what the engine accepts, bound from the <c>Milestones:Engine</c> configuration section.</summary>
public sealed class MilestoneEngineOptions
{
    public const string Section = "Milestones:Engine";

    /// <summary>The most <see cref="MaxFutureSkew"/> may be: more is a broken clock, not skew.</summary>
    public static readonly TimeSpan MaxAllowedFutureSkew = TimeSpan.FromDays(1);

    /// <summary>How far ahead of the server clock an event may claim to have occurred (clock skew between machines).</summary>
    public TimeSpan MaxFutureSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The earliest moment an event may claim to have occurred: older ones are typing or clock errors, and a bound keeps
    /// every window computed back from an event's time representable.
    /// </summary>
    public DateTimeOffset MinOccurredAt { get; set; } = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The largest metadata JSON, in UTF-8 bytes, an event may carry.</summary>
    [Range(1, 1_048_576, ErrorMessage = "Milestones:Engine:MaxMetadataBytes must be between 1 and 1048576.")]
    public int MaxMetadataBytes { get; set; } = 4096;
}
