using System.Net;
using System.Net.Sockets;

namespace MilestonesApp.Webhooks;

/// <summary>
/// Checks an endpoint's URL when it is added: absolute, <c>https</c>, and resolving only to public addresses, unless
/// <see cref="WebhookOptions.AllowPrivateNetworks"/>. Each connection checks the address again (<see cref="WebhookConnections"/>),
/// since a name can resolve differently later.
/// </summary>
internal static class WebhookUrls
{
    public static async Task<Uri> CheckAsync(string? url, bool allowPrivateNetworks, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(url) || url.Length > Data.Configuration.WebhookTablesConfiguration.MaxUrlLength
            || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new WebhookException("A webhook URL must be an absolute https URL of at most 2048 characters, such as https://example.com/hooks/milestones.");
        }

        if (uri.UserInfo.Length > 0)
        {
            throw new WebhookException("A webhook URL must not hold a user name or password; the signature proves who sent it.");
        }

        if (allowPrivateNetworks)
        {
            return uri;
        }

        if (uri.Scheme != Uri.UriSchemeHttps)
        {
            throw new WebhookException($"'{uri}' is not https; webhooks are sent only over https (Milestones:Webhooks:AllowPrivateNetworks lifts this in development).");
        }

        var refused = (await ResolveAsync(uri.IdnHost, cancellationToken)).FirstOrDefault(address => !WebhookAddresses.IsPublic(address));
        if (refused is not null)
        {
            throw new WebhookException(
                $"'{uri.Host}' resolves to {refused}, a loopback, private, link-local or otherwise internal address; webhooks are sent only to public addresses (Milestones:Webhooks:AllowPrivateNetworks lifts this in development).");
        }

        return uri;
    }

    private static async Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        if (IPAddress.TryParse(host, out var literal))
        {
            return [literal];
        }

        try
        {
            var addresses = await Dns.GetHostAddressesAsync(host, cancellationToken);
            return addresses.Length > 0 ? addresses : throw new WebhookException($"'{host}' resolves to no address; check the URL's host name.");
        }
        catch (SocketException problem)
        {
            throw new WebhookException($"'{host}' could not be resolved ({problem.Message}); check the URL's host name.");
        }
    }
}
