using System.ComponentModel.DataAnnotations;

namespace MilestonesApp.Application.Visits;

/// <summary>Bound from <c>Milestones:Visits</c>.</summary>
public sealed class VisitOptions
{
    public const string Section = "Milestones:Visits";

    /// <summary>How long a signed-in person must have been away before opening the app again counts as a login.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00", ErrorMessage = "Milestones:Visits:IdleGap must be between one minute and 30 days.")]
    public TimeSpan IdleGap { get; set; } = TimeSpan.FromMinutes(30);
}
