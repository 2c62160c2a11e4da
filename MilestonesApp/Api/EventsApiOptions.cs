using System.ComponentModel.DataAnnotations;

namespace MilestonesApp.Api;

/// <summary><c>Milestones:Api</c>: the per-key rate limit of the events API, and the per-address limit on wrong keys.</summary>
internal sealed class EventsApiOptions
{
    public const string Section = "Milestones:Api";

    /// <summary>Requests one key may make per <see cref="RateLimitWindow"/>; a batch is one request.</summary>
    [Range(1, int.MaxValue)]
    public int RateLimitPermits { get; set; } = 600;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan RateLimitWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Wrong or revoked keys one client address may send per <see cref="FailedAuthenticationWindow"/>.</summary>
    [Range(1, int.MaxValue)]
    public int FailedAuthenticationPermits { get; set; } = 30;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan FailedAuthenticationWindow { get; set; } = TimeSpan.FromMinutes(1);
}
