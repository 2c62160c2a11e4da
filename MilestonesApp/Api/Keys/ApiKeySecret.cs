using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace MilestonesApp.Api.Keys;

/// <summary>
/// The text of an API key: a visible prefix that finds its row, then 256 random bits. Only the SHA-256 hash is stored;
/// a plain hash suffices (no slow KDF) because the key is random, not a password a person chose.
/// </summary>
internal static class ApiKeySecret
{
    public const string Marker = "msk_";

    /// <summary>The marker and eight characters: enough to find the row, far too few to guess the rest.</summary>
    public const int PrefixLength = 12;

    public static string Generate() => Marker + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static string PrefixOf(string key) => key[..PrefixLength];

    public static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    /// <summary>Whether the text has a key's shape at all: a cheap refusal before any database lookup.</summary>
    public static bool IsWellFormed(string? key) =>
        key is { Length: > PrefixLength } && key.StartsWith(Marker, StringComparison.Ordinal);

    public static bool Matches(byte[] presentedHash, byte[] storedHash) =>
        CryptographicOperations.FixedTimeEquals(presentedHash, storedHash);
}
