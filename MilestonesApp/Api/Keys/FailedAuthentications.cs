using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace MilestonesApp.Api.Keys;

/// <summary>
/// Wrong keys per client address, in ASP.NET Core's fixed-window limiter. Past the limit an address is refused before
/// its key is looked up, so guessing costs the guesser time and the database nothing. Per node: a guesser spread over
/// three nodes gets three allowances, still 30 a minute each against 256 random bits.
/// </summary>
internal sealed class FailedAuthentications(IOptions<EventsApiOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> failures = PartitionedRateLimiter.Create<string, string>(
        address => RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.FailedAuthenticationPermits,
            Window = options.Value.FailedAuthenticationWindow,
            QueueLimit = 0,
        }));

    /// <summary>How long the address must wait before it may present a key again, or null when it may now.</summary>
    public TimeSpan? WaitFor(string address)
    {
        // Asking for no permit tells whether any is left without taking one.
        using var lease = failures.AttemptAcquire(address, permitCount: 0);
        return lease.IsAcquired ? null
            : lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait
            : options.Value.FailedAuthenticationWindow;
    }

    public void Count(string address)
    {
        using var _ = failures.AttemptAcquire(address);
    }

    public void Dispose() => failures.Dispose();
}
