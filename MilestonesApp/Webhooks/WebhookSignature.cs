using System.Security.Cryptography;
using System.Text;

namespace MilestonesApp.Webhooks;

/// <summary>
/// The Standard Webhooks signature: <c>v1,</c> and the base64 HMAC-SHA256 of <c>{id}.{timestamp}.{body}</c>, keyed
/// with the secret's bytes. A few lines of the framework's HMAC rather than a package: the scheme is that small, and
/// the tests hold it to the specification's published example.
/// </summary>
public static class WebhookSignature
{
    public static string Sign(byte[] key, string messageId, long timestamp, string body)
    {
        var signed = Encoding.UTF8.GetBytes($"{messageId}.{timestamp}.{body}");
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, signed));
    }
}
