using Microsoft.EntityFrameworkCore;
using MilestonesApp.Data;

namespace MilestonesApp.Engine.Storage;

/// <summary>
/// PostgreSQL: each write transaction on a connection of its own from the pool, in READ COMMITTED, with no gate: the
/// nodes write concurrently. The stats-row upsert that each event runs before it evaluates anything locks the user's
/// row until commit, so a second writer for that user waits there, and its later statements see the first's event.
/// </summary>
internal sealed class PooledEngineConnection(IDbContextFactory<EngineDbContext> dbFactory) : IEngineConnection
{
    public async Task<EngineTransaction> BeginAsync(CancellationToken cancellationToken)
    {
        var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        try
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            var connection = db.Database.GetDbConnection();
            var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.ReadCommitted, cancellationToken);
            return new EngineTransaction(transaction, new EngineStore(connection, transaction), _ => db.DisposeAsync());
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }
}
