using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using MilestonesApp.Data;

namespace MilestonesApp.Engine.Storage;

/// <summary>
/// The engine's write connection, opened once and kept open with its <see cref="EngineStore"/>, so each statement is
/// compiled once rather than per event, and no event pays for opening a connection and setting its pragmas. Used only
/// inside the <see cref="DatabaseWriteGate"/>, one event at a time; after a failure it is closed, and the next event
/// opens a fresh one, so nothing a failure left behind carries over.
/// </summary>
internal sealed class EngineConnection(IDbContextFactory<AppDbContext> dbFactory) : IDisposable, IAsyncDisposable
{
    private AppDbContext? db;
    private EngineStore? store;

    /// <summary>Begins the event's transaction, opening the connection first if needed; the store runs its statements in it.</summary>
    public async Task<(DbTransaction Transaction, EngineStore Store)> BeginAsync(CancellationToken cancellationToken)
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
        return (transaction, store);
    }

    public async ValueTask CloseAsync()
    {
        store = null;
        if (db is not null)
        {
            await db.DisposeAsync();
            db = null;
        }
    }

    public ValueTask DisposeAsync() => CloseAsync();

    public void Dispose()
    {
        store = null;
        db?.Dispose();
        db = null;
    }
}
