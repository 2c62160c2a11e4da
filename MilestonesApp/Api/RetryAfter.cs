using System.Globalization;

namespace MilestonesApp.Api;

internal static class RetryAfter
{
    /// <summary><c>Retry-After</c> is whole seconds (RFC 9110); rounded up so that a client waiting that long is let in.</summary>
    public static string Seconds(TimeSpan wait) => Math.Max(1, Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
}
