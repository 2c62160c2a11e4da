namespace MilestonesApp.Data.Entities;

/// <summary>
/// A row of <c>api_keys</c>: a key another service calls the events API with. Only the SHA-256 hash of the key is
/// stored; <see cref="Prefix"/>, the key's first characters, finds the row without revealing the rest.
/// </summary>
public sealed class ApiKey
{
    public int Id { get; set; }

    public required string Name { get; set; }

    public required string Prefix { get; set; }

    public required byte[] Hash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the key was revoked; a revoked key is refused from that moment on.</summary>
    public DateTimeOffset? RevokedAt { get; set; }
}
