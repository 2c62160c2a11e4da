using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace MilestonesApp.Hosting;

/// <summary>
/// Bound from <c>Milestones:ForwardedHeaders</c>: the TLS proxies (addresses or CIDR networks) whose
/// <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> the app believes. Empty: no forwarded header is believed, since
/// anyone could send one.
/// </summary>
internal sealed class ProxyOptions
{
    public const string Section = "Milestones:ForwardedHeaders";
    public const string NotAnAddressMessage =
        "Milestones:ForwardedHeaders:KnownProxies must hold IP addresses and KnownNetworks CIDR networks such as 10.0.0.0/8.";

    public string[] KnownProxies { get; set; } = [];

    public string[] KnownNetworks { get; set; } = [];

    public bool IsConfigured => KnownProxies.Length > 0 || KnownNetworks.Length > 0;

    /// <summary>
    /// <c>ASPNETCORE_FORWARDEDHEADERS_ENABLED=true</c> makes ASP.NET Core believe every sender's forwarded headers, so
    /// a client could claim any address (and so escape every per-address limit) or HTTPS. It is refused unless the
    /// proxies are named; then the options it runs with are these, which believe them alone.
    /// </summary>
    public static void RefuseForwardedHeadersFromAnyone(IConfiguration configuration)
    {
        var fromAnyone = string.Equals(configuration["ForwardedHeaders_Enabled"], "true", StringComparison.OrdinalIgnoreCase);
        if (fromAnyone && !(configuration.GetSection(Section).Get<ProxyOptions>()?.IsConfigured ?? false))
        {
            throw new InvalidOperationException(
                "ASPNETCORE_FORWARDEDHEADERS_ENABLED=true makes the app believe X-Forwarded-For and X-Forwarded-Proto from anyone: " +
                $"name the proxy in {Section}:KnownProxies (addresses) or {Section}:KnownNetworks (CIDR networks) instead, " +
                "and remove ASPNETCORE_FORWARDEDHEADERS_ENABLED.");
        }
    }

    public static bool AreAddresses(ProxyOptions options) =>
        options.KnownProxies.All(proxy => IPAddress.TryParse(proxy, out _))
        && options.KnownNetworks.All(network => System.Net.IPNetwork.TryParse(network, out _));

    public void ApplyTo(ForwardedHeadersOptions forwarded)
    {
        forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        forwarded.KnownProxies.Clear();
        forwarded.KnownIPNetworks.Clear();
        foreach (var proxy in KnownProxies)
        {
            forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
        }

        foreach (var network in KnownNetworks)
        {
            forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        }
    }
}
