using Microsoft.EntityFrameworkCore;
using MilestonesApp.Engine;

namespace MilestonesApp.Data;

/// <summary>
/// An <see cref="AppDbContext"/> on a write transaction of the engine's write path: the transaction's connection, in
/// it, never beginning, committing or closing anything of its own. Not pooled: a pooled context would keep the borrowed
/// connection for its next lease.
/// </summary>
internal sealed class TransactionContexts
{
    private readonly Func<AppDbContext> create;

    public TransactionContexts(DatabaseProvider provider, IServiceProvider services)
    {
        // The application services let Identity read its schema version, as the pooled factories do, so that every
        // context builds the migrated model.
        if (provider == DatabaseProvider.PostgreSql)
        {
            var options = DatabaseRegistration.Configure(new DbContextOptionsBuilder<PostgreSqlAppDbContext>(), provider, null, null)
                .UseApplicationServiceProvider(services).Options;
            create = () => new PostgreSqlAppDbContext(options);
        }
        else
        {
            var options = DatabaseRegistration.Configure(new DbContextOptionsBuilder<AppDbContext>(), provider, null, null)
                .UseApplicationServiceProvider(services).Options;
            create = () => new AppDbContext(options);
        }
    }

    public async Task<AppDbContext> OnAsync(WriteTransaction transaction, CancellationToken cancellationToken)
    {
        var db = create();
        db.Database.SetDbConnection(transaction.Connection, contextOwnsConnection: false);
        // The write path owns the transaction: SaveChanges must neither begin one (SQLite's group commit began it in
        // SQL, with no transaction object to join) nor set savepoints in it.
        db.Database.AutoTransactionBehavior = AutoTransactionBehavior.Never;
        db.Database.AutoSavepointsEnabled = false;
        if (transaction.Transaction is { } joined)
        {
            await db.Database.UseTransactionAsync(joined, cancellationToken);
        }

        return db;
    }
}
