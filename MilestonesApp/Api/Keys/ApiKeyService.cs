using Microsoft.EntityFrameworkCore;
using MilestonesApp.Data;
using MilestonesApp.Data.Configuration;
using MilestonesApp.Data.Entities;
using MilestonesApp.Engine;

namespace MilestonesApp.Api.Keys;

/// <summary>
/// Creates, lists, revokes and checks the events API's keys. With the API's <see cref="ApiKeyDirectory"/> a check finds
/// a live key in memory, and reads the database only for a key it does not hold (one created on another node since its
/// last refresh, or no key at all); a key revoked on this node is refused by the next request, on another node within
/// <see cref="ApiKeyRefresher.Interval"/>. Without one (a host that does not serve the API) every check reads the database.
/// </summary>
public sealed class ApiKeyService(
    IDbContextFactory<AppDbContext> dbFactory, AppWritePath writes, TimeProvider time, ApiKeyDirectory? directory = null)
{
    public async Task<CreatedApiKey> CreateAsync(string? name, CancellationToken cancellationToken = default)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length == 0 || trimmed.Length > AppTablesConfiguration.MaxApiKeyNameLength || trimmed.Any(char.IsControl))
        {
            throw new ApiKeyException(
                ApiKeyProblem.InvalidName,
                $"A key's name must be 1 to {AppTablesConfiguration.MaxApiKeyNameLength} characters, without control characters.");
        }

        var key = ApiKeySecret.Generate();
        var row = new ApiKey { Name = trimmed, Prefix = ApiKeySecret.PrefixOf(key), Hash = ApiKeySecret.Hash(key), CreatedAt = time.GetUtcNow() };
        await writes.WriteAsync(async (db, token) =>
        {
            if (await db.ApiKeys.AnyAsync(k => k.Name == trimmed && k.RevokedAt == null, token))
            {
                throw new ApiKeyException(ApiKeyProblem.NameTaken, $"A key named '{trimmed}' already exists; revoke it first or choose another name.");
            }

            db.ApiKeys.Add(row);
            return await db.SaveChangesAsync(token);
        }, cancellationToken);

        await RereadAsync(cancellationToken);
        return new CreatedApiKey(Describe(row), key);
    }

    /// <summary>Revokes the live key of that name; from this moment every request with it gets 401.</summary>
    public async Task<ApiKeyInfo> RevokeAsync(string name, CancellationToken cancellationToken = default)
    {
        var revoked = await writes.WriteAsync(async (db, token) =>
        {
            var row = await db.ApiKeys.SingleOrDefaultAsync(k => k.Name == name && k.RevokedAt == null, token)
                ?? throw new ApiKeyException(ApiKeyProblem.UnknownName, $"No live key is named '{name}'.");
            row.RevokedAt = time.GetUtcNow();
            await db.SaveChangesAsync(token);
            return Describe(row);
        }, cancellationToken);

        await RereadAsync(cancellationToken);
        return revoked;
    }

    /// <summary>Every key, live and revoked, newest first.</summary>
    public async Task<IReadOnlyList<ApiKeyInfo>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.ApiKeys.AsNoTracking().OrderByDescending(k => k.Id).ToListAsync(cancellationToken);
        return rows.ConvertAll(Describe);
    }

    /// <summary>The live key the text is, or null: unknown, revoked, or not a key at all.</summary>
    public async Task<ApiKeyInfo?> AuthenticateAsync(string? presented, CancellationToken cancellationToken = default)
    {
        if (!ApiKeySecret.IsWellFormed(presented))
        {
            return null;
        }

        var hash = ApiKeySecret.Hash(presented!);
        if (directory?.Find(hash) is { } known)
        {
            return known;
        }

        var prefix = ApiKeySecret.PrefixOf(presented!);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.ApiKeys.AsNoTracking().SingleOrDefaultAsync(k => k.Prefix == prefix, cancellationToken);
        return row is { RevokedAt: null } && ApiKeySecret.Matches(hash, row.Hash) ? Describe(row) : null;
    }

    // After the write has committed: a reader of the directory never sees a key the database does not hold.
    private async Task RereadAsync(CancellationToken cancellationToken)
    {
        if (directory is not null)
        {
            await directory.RefreshAsync(cancellationToken);
        }
    }

    internal static ApiKeyInfo Describe(ApiKey row) => new(row.Id, row.Name, row.Prefix, row.CreatedAt, row.RevokedAt);
}
