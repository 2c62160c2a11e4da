using System.Net;
using System.Net.Sockets;

namespace MilestonesApp.Webhooks;

/// <summary>
/// The webhook client's connect step: resolve the host, keep only public addresses, and connect to one of those, so a
/// name that resolves to an internal address after it was added (DNS rebinding) still reaches nothing internal.
/// </summary>
internal static class WebhookConnections
{
    public static Func<SocketsHttpConnectionContext, CancellationToken, ValueTask<Stream>> Connect(bool allowPrivateNetworks) =>
        async (context, cancellationToken) =>
        {
            var host = context.DnsEndPoint.Host;
            var resolved = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
            var allowed = allowPrivateNetworks ? resolved : [.. resolved.Where(WebhookAddresses.IsPublic)];
            if (allowed.Length == 0)
            {
                throw new HttpRequestException($"'{host}' resolves to no public address; the connection was not made.");
            }

            // A dual-mode socket connects to IPv4 and IPv6 addresses alike.
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        };
}
