using System.ComponentModel.DataAnnotations;

namespace MilestonesApp.Engine;

/// <summary>Limits on what the engine accepts, bound from the <c>Milestones:Engine</c> configuration section.</summary>
public sealed class MilestoneEngineOptions
{
    public const string Section = "Milestones:Engine";

    /// <summary>How far ahead of the server clock an event may claim to have occurred (clock skew between machines).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00", ErrorMessage = "Milestones:Engine:MaxFutureSkew must be between zero and one day.")]
    public TimeSpan MaxFutureSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The largest metadata JSON, in UTF-8 bytes, an event may carry.</summary>
    [Range(1, 1_048_576, ErrorMessage = "Milestones:Engine:MaxMetadataBytes must be between 1 and 1048576.")]
    public int MaxMetadataBytes { get; set; } = 4096;
}
