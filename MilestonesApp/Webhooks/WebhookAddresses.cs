using System.Net;
using System.Net.Sockets;

namespace MilestonesApp.Webhooks;

/// <summary>
/// Which addresses a webhook may reach: public unicast only. Loopback, private, link-local, shared (CGNAT), multicast,
/// unspecified, documentation and other reserved ranges are internal or meaningless on the internet; an endpoint that
/// resolves to one could be used to reach the app's own network.
/// </summary>
public static class WebhookAddresses
{
    private static readonly IPNetwork[] NotPublic =
    [
        IPNetwork.Parse("0.0.0.0/8"),        // "this network", unspecified
        IPNetwork.Parse("10.0.0.0/8"),       // private
        IPNetwork.Parse("100.64.0.0/10"),    // shared address space (carrier-grade NAT)
        IPNetwork.Parse("127.0.0.0/8"),      // loopback
        IPNetwork.Parse("169.254.0.0/16"),   // link-local, cloud metadata services
        IPNetwork.Parse("172.16.0.0/12"),    // private
        IPNetwork.Parse("192.0.0.0/24"),     // IETF protocol assignments
        IPNetwork.Parse("192.0.2.0/24"),     // documentation
        IPNetwork.Parse("192.88.99.0/24"),   // 6to4 relay anycast
        IPNetwork.Parse("192.168.0.0/16"),   // private
        IPNetwork.Parse("198.18.0.0/15"),    // benchmarking
        IPNetwork.Parse("198.51.100.0/24"),  // documentation
        IPNetwork.Parse("203.0.113.0/24"),   // documentation
        IPNetwork.Parse("224.0.0.0/4"),      // multicast
        IPNetwork.Parse("240.0.0.0/4"),      // reserved, broadcast
        IPNetwork.Parse("::/128"),           // unspecified
        IPNetwork.Parse("::1/128"),          // loopback
        IPNetwork.Parse("100::/64"),         // discard
        IPNetwork.Parse("2001:db8::/32"),    // documentation
        IPNetwork.Parse("fc00::/7"),         // unique local
        IPNetwork.Parse("fe80::/10"),        // link-local
        IPNetwork.Parse("fec0::/10"),        // site-local (deprecated)
        IPNetwork.Parse("ff00::/8"),         // multicast
    ];

    private static readonly IPNetwork Nat64 = IPNetwork.Parse("64:ff9b::/96");

    public static bool IsPublic(IPAddress address)
    {
        // An IPv4 address wrapped in IPv6 reaches the IPv4 host: judge that one.
        if (address.IsIPv4MappedToIPv6)
        {
            return IsPublic(address.MapToIPv4());
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6 && Nat64.Contains(address))
        {
            return IsPublic(new IPAddress(address.GetAddressBytes()[12..]));
        }

        return address.AddressFamily is AddressFamily.InterNetwork or AddressFamily.InterNetworkV6
            && !NotPublic.Any(network => network.BaseAddress.AddressFamily == address.AddressFamily && network.Contains(address));
    }
}
