using System.ComponentModel.DataAnnotations;

namespace MilestonesApp.Hosting;

/// <summary>
/// Bound from <c>Milestones:RateLimits:AccountForms</c>. Per client address, so a guesser spraying many accounts is
/// slowed where the per-account lockout cannot see them. People behind one shared address share the allowance.
/// </summary>
internal sealed class AccountFormsRateLimitOptions
{
    public const string Section = "Milestones:RateLimits:AccountForms";

    [Range(1, 100_000, ErrorMessage = "Milestones:RateLimits:AccountForms:PermitLimit must be between 1 and 100000.")]
    public int PermitLimit { get; set; } = 10;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "Milestones:RateLimits:AccountForms:Window must be between one second and one day.")]
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
