namespace MilestonesApp.Api.Keys;

/// <summary>What may be shown about a key: never the key itself, which only its creator sees, once.</summary>
public sealed record ApiKeyInfo(int Id, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt)
{
    public bool IsRevoked => RevokedAt is not null;
}

/// <summary>A key just made: <see cref="Key"/> is shown this once and is not stored anywhere.</summary>
public sealed record CreatedApiKey(ApiKeyInfo Info, string Key);

/// <summary>Why a key could not be created or revoked, so a page can say it in the person's language.</summary>
public enum ApiKeyProblem
{
    InvalidName,
    NameTaken,
    UnknownName,
}

/// <summary>A key could not be created or revoked; the message is one readable sentence.</summary>
public sealed class ApiKeyException(ApiKeyProblem problem, string message) : InvalidOperationException(message)
{
    public ApiKeyProblem Problem { get; } = problem;
}
