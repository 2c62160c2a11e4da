using Microsoft.EntityFrameworkCore;
using MilestonesApp.Data;

namespace MilestonesApp.Engine.Storage;

/// <summary>
/// SQLite: the engine's write connection, opened once and kept open with its <see cref="EngineStore"/>, so each
/// statement is compiled once rather than per event, and no event pays for opening a connection and setting its
/// pragmas. A transaction begins inside the <see cref="DatabaseWriteGate"/>, one at a time; after a failure the
/// connection is closed, and the next transaction opens a fresh one.
/// </summary>
internal sealed class EngineConnection(IDbContextFactory<EngineDbContext> dbFactory, DatabaseWriteGate writeGate)
    : IEngineConnection, IDisposable, IAsyncDisposable
{
    private EngineDbContext? db;
    private EngineStore? store;

    public async Task<EngineTransaction> BeginAsync(CancellationToken cancellationToken)
    {
        var writing = await writeGate.EnterAsync(cancellationToken);
        try
        {
            if (db is null)
            {
                db = await dbFactory.CreateDbContextAsync(cancellationToken);
                await db.Database.OpenConnectionAsync(cancellationToken);
            }

            var connection = db.Database.GetDbConnection();
            var transaction = await connection.BeginTransactionAsync(cancellationToken);
            store ??= new EngineStore(connection, transaction);
            store.Transaction = transaction;
            return new EngineTransaction(transaction, store, async committed =>
            {
                if (!committed)
                {
                    await CloseAsync();
                }

                writing.Dispose();
            });
        }
        catch
        {
            await CloseAsync();
            writing.Dispose();
            throw;
        }
    }

    public ValueTask DisposeAsync() => CloseAsync();

    public void Dispose()
    {
        store = null;
        db?.Dispose();
        db = null;
    }

    private async ValueTask CloseAsync()
    {
        store = null;
        if (db is not null)
        {
            await db.DisposeAsync();
            db = null;
        }
    }
}
