using System.Data.Common;

namespace MilestonesApp.Engine;

/// <summary>
/// Where the engine's connections come from. The app provides it: the provider, the connection string and the settings
/// each connection runs are the app's configuration, and the engine depends on nothing of the app.
/// </summary>
public interface IEngineDatabase
{
    /// <summary>
    /// True on SQLite: one writer at a time, so the engine serializes its writes in process and commits them in groups.
    /// False on PostgreSQL: writers run concurrently, ordered by the database's row locks.
    /// </summary>
    bool HasSingleWriter { get; }

    /// <summary>A new connection, open, with the provider's per-connection settings applied; the caller disposes it.</summary>
    Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);
}
