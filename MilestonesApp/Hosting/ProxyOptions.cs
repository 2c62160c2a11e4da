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
