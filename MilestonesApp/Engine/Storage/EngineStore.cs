using System.Data.Common;

namespace MilestonesApp.Engine.Storage;

/// <summary>
/// The engine's statements on one connection, grouped by what they store: events, stats, awards and their receipts,
/// reads of a user's history, and the catalog. Plain SQL on the open transaction: EF Core's change tracking costs several
/// times the raw write on this path. Only SQL that SQLite and PostgreSQL both accept (ON CONFLICT, RETURNING). All groups
/// share one command cache (<see cref="SqlCommands"/>). A store is used by one caller at a time.
/// </summary>
internal sealed class EngineStore
{
    private readonly SqlCommands commands;

    public EngineStore(DbConnection connection, DbTransaction? transaction)
    {
        commands = new SqlCommands(connection, transaction);
        Events = new EventTable(commands);
        Stats = new StatsTable(commands);
        Awards = new AwardTable(commands);
        History = new HistoryReads(commands);
        Catalog = new CatalogTable(commands);
    }

    public EventTable Events { get; }

    public StatsTable Stats { get; }

    public AwardTable Awards { get; }

    public HistoryReads History { get; }

    public CatalogTable Catalog { get; }

    /// <summary>The command cache the tables share, for a provider's own statements (<see cref="IEventIntake"/>).</summary>
    public SqlCommands Commands => commands;

    /// <summary>The connection the statements run on, for work that shares the engine's transaction.</summary>
    public DbConnection Connection => commands.Connection;

    /// <inheritdoc cref="SqlCommands.Transaction"/>
    public DbTransaction? Transaction
    {
        get => commands.Transaction;
        set => commands.Transaction = value;
    }

    /// <inheritdoc cref="SqlCommands.ExecuteAsync"/>
    public Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken) => commands.ExecuteAsync(sql, cancellationToken);
}
