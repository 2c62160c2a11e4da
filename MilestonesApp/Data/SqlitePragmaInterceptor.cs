using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MilestonesApp.Data;

/// <summary>
/// Per-connection SQLite settings. WAL itself is a property of the file, set once at start-up; synchronous, the busy
/// timeout and the autocheckpoint threshold belong to each connection. Checkpoints normally run in the background
/// (<see cref="SqliteCheckpointService"/>); the threshold here is only the fallback. The page cache is raised from
/// SQLite's 2 MB to 32 MB (allocated only as pages are read): the engine's long-lived write connection keeps the
/// indexes' hot pages, so an event costs about the same with a million stored as with ten thousand (README, B3).
/// </summary>
internal sealed class SqlitePragmaInterceptor(SqliteSynchronous synchronous, int busyTimeoutMilliseconds) : DbConnectionInterceptor
{
    private readonly string pragmas = Pragmas(synchronous, busyTimeoutMilliseconds);

    /// <summary>The settings every connection of the app runs when it opens; the benchmarks' raw baseline runs them too.</summary>
    public static string Pragmas(SqliteSynchronous synchronous, int busyTimeoutMilliseconds) =>
        $"PRAGMA synchronous = {synchronous.ToString().ToUpperInvariant()}; PRAGMA busy_timeout = {busyTimeoutMilliseconds}; " +
        $"PRAGMA wal_autocheckpoint = {SqliteCheckpointService.FallbackPages}; PRAGMA cache_size = -32768;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

/// <summary>SQLite's <c>PRAGMA synchronous</c> levels that make sense in WAL mode.</summary>
public enum SqliteSynchronous
{
    /// <summary>Durable across application crashes; a power loss may undo the last transactions. The default.</summary>
    Normal,

    /// <summary>Durable across power loss too, at a cost per commit (see README, Performance).</summary>
    Full,
}
