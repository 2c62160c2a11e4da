using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MilestonesApp.Data;
using MilestonesApp.Data.Entities;

namespace MilestonesApp.Webhooks;

/// <summary>
/// The dispatcher's reads and writes of <c>webhook_deliveries</c>, each a short transaction through the app's write
/// path (on SQLite the one writer). A claim leases due deliveries to one claim id; on PostgreSQL rows another node is
/// claiming are skipped (<c>FOR UPDATE SKIP LOCKED</c>), and a lease a dead node left expires. An outcome is recorded
/// only under the claim that made the attempt, so no delivery is attempted twice under one lease.
/// </summary>
public sealed class WebhookOutbox(
    AppWritePath writes, IDbContextFactory<AppDbContext> dbFactory, IOptions<DatabaseOptions> database, IOptions<WebhookOptions> options, TimeProvider time)
{
    /// <summary>Leases up to the batch size of due deliveries to live endpoints, storing each one's body at its first attempt.</summary>
    public async Task<IReadOnlyList<ClaimedDelivery>> ClaimAsync(CancellationToken cancellationToken = default)
    {
        var claim = Guid.NewGuid().ToString("N");
        var now = time.GetUtcNow();
        // A read first: a wake with nothing due (an award with no endpoint live) never queues behind SQLite's one writer.
        if (!await AnyDueAsync(now, cancellationToken))
        {
            return [];
        }

        var lockClause = database.Value.Provider == DatabaseProvider.PostgreSql ? "FOR UPDATE OF d SKIP LOCKED" : "";
        var sql = $$"""
            UPDATE webhook_deliveries SET lease_until = {0}, leased_by = {1}
            WHERE id IN (
                SELECT d.id FROM webhook_deliveries AS d
                WHERE d.outcome = 0 AND d.next_attempt_at <= {2} AND (d.lease_until IS NULL OR d.lease_until <= {2})
                  AND EXISTS (SELECT 1 FROM webhook_endpoints AS e WHERE e.id = d.endpoint_id AND e.removed_at IS NULL)
                ORDER BY d.next_attempt_at
                LIMIT {3}
                {{lockClause}})
            """;
        return await writes.WriteAsync<IReadOnlyList<ClaimedDelivery>>(async (db, token) =>
        {
            var claimed = await db.Database.ExecuteSqlRawAsync(
                sql, [(now + options.Value.Lease).ToUnixTimeMilliseconds(), claim, now.ToUnixTimeMilliseconds(), options.Value.BatchSize], token);
            if (claimed == 0)
            {
                return [];
            }

            var rows = await db.WebhookDeliveries
                .Include(d => d.Endpoint)
                .Include(d => d.Award).ThenInclude(a => a!.Milestone)
                .Where(d => d.LeasedBy == claim)
                .ToListAsync(token);
            foreach (var row in rows.Where(r => r.Body is null))
            {
                row.Body = WebhookBody.For(row.Award!, row.Award!.Milestone!);
            }

            await db.SaveChangesAsync(token);
            return rows.ConvertAll(r => new ClaimedDelivery(r.Id, claim, r.MessageId, r.Endpoint!.Url, r.Endpoint.ProtectedSecret, r.Body!, r.Attempts));
        }, cancellationToken);
    }

    /// <summary>
    /// Records an attempt: a 2xx ends the delivery; anything else schedules the next retry, or marks it failed when the
    /// retries are used up. Returns how it stands now, or null if the claim had lost its lease (nothing is written then).
    /// </summary>
    public async Task<WebhookOutcome?> RecordAsync(ClaimedDelivery delivery, WebhookAttempt attempt, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var attempts = delivery.Attempts + 1;
        var delays = options.Value.EffectiveRetryDelays;
        var outcome = attempt.Succeeded ? WebhookOutcome.Delivered : attempts <= delays.Count ? WebhookOutcome.Pending : WebhookOutcome.Failed;
        var next = outcome == WebhookOutcome.Pending && !attempt.Succeeded ? now + delays[attempts - 1] : now;
        var changed = await writes.WriteAsync((db, token) => db.WebhookDeliveries
            .Where(d => d.Id == delivery.Id && d.LeasedBy == delivery.Claim)
            .ExecuteUpdateAsync(set => set
                .SetProperty(d => d.Attempts, attempts)
                .SetProperty(d => d.Outcome, outcome)
                .SetProperty(d => d.LastAttemptAt, now)
                .SetProperty(d => d.LastAnswer, attempt.Answer)
                .SetProperty(d => d.NextAttemptAt, next)
                .SetProperty(d => d.LeaseUntil, (DateTimeOffset?)null)
                .SetProperty(d => d.LeasedBy, (string?)null), token), cancellationToken);
        return changed == 0 ? null : outcome;
    }

    private async Task<bool> AnyDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.WebhookDeliveries.AnyAsync(
            d => d.Outcome == WebhookOutcome.Pending && d.NextAttemptAt <= now && (d.LeaseUntil == null || d.LeaseUntil <= now) && d.Endpoint!.RemovedAt == null,
            cancellationToken);
    }

    /// <summary>When the oldest delivery still pending to a live endpoint fell due, or null when none is.</summary>
    public async Task<DateTimeOffset?> OldestPendingAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.WebhookDeliveries.AsNoTracking()
            .Where(d => d.Outcome == WebhookOutcome.Pending && d.Endpoint!.RemovedAt == null)
            .OrderBy(d => d.CreatedAt)
            .Select(d => (DateTimeOffset?)d.CreatedAt)
            .FirstOrDefaultAsync(cancellationToken);
    }
}

/// <summary>A delivery leased to one claim: everything an attempt needs.</summary>
public sealed record ClaimedDelivery(long Id, string Claim, string MessageId, string Url, string ProtectedSecret, string Body, int Attempts);

/// <summary>What one attempt got: <see cref="Answer"/> is shown to the admin (<c>HTTP 204</c>, <c>timed out after 10 s</c>).</summary>
public sealed record WebhookAttempt(bool Succeeded, string Answer);
