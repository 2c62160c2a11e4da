using Microsoft.EntityFrameworkCore;
using MilestonesApp.Data;

namespace MilestonesApp.Api.Keys;

/// <summary>
/// The live API keys held in memory by the hash of the key, so that a request with a known key costs one SHA-256 and
/// a dictionary look-up, never a query. This node reloads right after its own changes; <see cref="ApiKeyRefresher"/>
/// notices other nodes' and processes' (the operator command) within <see cref="ApiKeyRefresher.Interval"/>, by a
/// fingerprint of <c>api_keys</c> that every creation and every revocation changes: keys are only ever added and
/// revoked, so the row count, the highest id and the number revoked together change with each.
/// </summary>
public sealed class ApiKeyDirectory(IDbContextFactory<AppDbContext> dbFactory)
{
    private static readonly Snapshot Empty = new(null, new Dictionary<string, ApiKeyInfo>());

    private readonly SemaphoreSlim loading = new(1, 1);
    private Snapshot current = Empty;

    /// <summary>The live key whose SHA-256 hash this is, as of the last read; null when it was not live then.</summary>
    public ApiKeyInfo? Find(byte[] hash) =>
        Volatile.Read(ref current).ByHash.GetValueOrDefault(Convert.ToBase64String(hash));

    /// <summary>Reads the fingerprint of the keys and, when it moved since the last read, every live key again.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken = default)
    {
        await loading.WaitAsync(cancellationToken);
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var fingerprint = await db.ApiKeys
                .GroupBy(_ => 1)
                .Select(all => new Fingerprint(all.Count(), all.Max(k => k.Id), all.Count(k => k.RevokedAt != null)))
                .SingleOrDefaultAsync(cancellationToken) ?? new Fingerprint(0, 0, 0);
            if (fingerprint == Volatile.Read(ref current).Fingerprint)
            {
                return;
            }

            // Read after the fingerprint, the rows may be newer than it, never older: a later change moves it again.
            var live = await db.ApiKeys.AsNoTracking().Where(k => k.RevokedAt == null).ToListAsync(cancellationToken);
            var byHash = live.ToDictionary(k => Convert.ToBase64String(k.Hash), ApiKeyService.Describe, StringComparer.Ordinal);
            Volatile.Write(ref current, new Snapshot(fingerprint, byHash));
        }
        finally
        {
            loading.Release();
        }
    }

    private sealed record Fingerprint(int Keys, int HighestId, int Revoked);

    private sealed record Snapshot(Fingerprint? Fingerprint, IReadOnlyDictionary<string, ApiKeyInfo> ByHash);
}
