using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using MilestonesApp.Data;

namespace MilestonesApp.Components.Account;

/// <summary>
/// Wrong passwords for addresses that have no account, counted as Identity counts them for accounts: the same number
/// of failures locks the address for the same time. Without it a guesser learns which addresses are registered from
/// which ones get locked out. Kept in memory, bounded, and per node (sign-ins are also limited per client address).
/// </summary>
internal sealed class UnknownAccountLockouts(IOptions<IdentityOptions> identity, TimeProvider time) : IDisposable
{
    private const int MaxAddresses = 100_000;

    private readonly MemoryCache failures = new(new MemoryCacheOptions { SizeLimit = MaxAddresses });
    private string? placeholderHash;

    public bool IsLockedOut(string normalizedName) =>
        failures.TryGetValue(normalizedName, out Attempts? attempts) && attempts!.IsLockedOut(time.GetUtcNow());

    /// <summary>Counts a failure; true when it locks the address, as the failure that locks an account answers.</summary>
    public bool CountFailure(string normalizedName)
    {
        var lockout = identity.Value.Lockout;
        var attempts = failures.GetOrCreate(normalizedName, entry =>
        {
            entry.Size = 1;
            entry.SlidingExpiration = lockout.DefaultLockoutTimeSpan;
            return new Attempts();
        })!;
        return attempts.Fail(time.GetUtcNow(), lockout.MaxFailedAccessAttempts, lockout.DefaultLockoutTimeSpan);
    }

    /// <summary>A hash of no one's password, in the app's own hashing scheme, to check wrong passwords against.</summary>
    public string PlaceholderHash(IPasswordHasher<ApplicationUser> hasher) =>
        placeholderHash ??= hasher.HashPassword(new ApplicationUser(), Guid.NewGuid().ToString("N"));

    public void Dispose() => failures.Dispose();

    private sealed class Attempts
    {
        private readonly Lock gate = new();
        private int count;
        private DateTimeOffset lockedUntil;

        public bool IsLockedOut(DateTimeOffset now)
        {
            lock (gate)
            {
                return lockedUntil > now;
            }
        }

        public bool Fail(DateTimeOffset now, int maxFailures, TimeSpan lockoutTime)
        {
            lock (gate)
            {
                if (++count < maxFailures)
                {
                    return false;
                }

                // As Identity does: the count starts again once the lockout is set.
                count = 0;
                lockedUntil = now + lockoutTime;
                return true;
            }
        }
    }
}
