using System.Security.Cryptography;
using System.Text;

namespace MilestonesApp.Tests.Shared;

/// <summary>
/// A receiver's check of a Standard Webhooks signature, written apart from the app's signer (its own key decoding,
/// byte concatenation and incremental HMAC), so a test compares two implementations, not one with itself.
/// </summary>
public static class StandardWebhooksVerifier
{
    public static bool Verifies(string secret, string id, string timestamp, string body, string signatureHeader)
    {
        var key = Convert.FromBase64String(secret.Split('_', 2)[1]);
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
        hmac.AppendData(Encoding.UTF8.GetBytes(id));
        hmac.AppendData("."u8);
        hmac.AppendData(Encoding.UTF8.GetBytes(timestamp));
        hmac.AppendData("."u8);
        hmac.AppendData(Encoding.UTF8.GetBytes(body));
        var expected = hmac.GetHashAndReset();
        return signatureHeader.Split(' ').Any(signature =>
            signature.StartsWith("v1,", StringComparison.Ordinal)
            && CryptographicOperations.FixedTimeEquals(expected, Convert.FromBase64String(signature[3..])));
    }
}
