using System.Security.Cryptography;

namespace MilestonesApp.Webhooks;

/// <summary>
/// A signing secret in the Standard Webhooks form, <c>whsec_</c> and the base64 of 24 random bytes; the bytes are the
/// HMAC key (<see cref="WebhookSignature"/>).
/// </summary>
public static class WebhookSecret
{
    public const string Marker = "whsec_";

    public static string Generate() => Marker + Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));

    /// <summary>The key bytes of a secret: its base64 part, decoded.</summary>
    public static byte[] KeyOf(string secret) =>
        Convert.FromBase64String(secret.StartsWith(Marker, StringComparison.Ordinal) ? secret[Marker.Length..] : secret);
}
