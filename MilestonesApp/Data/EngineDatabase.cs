using System.Data.Common;
using Microsoft.Data.Sqlite;
using MilestonesApp.Engine;
using Npgsql;

namespace MilestonesApp.Data;

/// <summary>The engine's connections on SQLite: pooled by Microsoft.Data.Sqlite, each running the app's pragmas when opened.</summary>
internal sealed class SqliteEngineDatabase(string connectionString, string pragmas) : IEngineDatabase
{
    public bool HasSingleWriter => true;

    public async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}

/// <summary>
/// The engine's connections on PostgreSQL, from one <see cref="NpgsqlDataSource"/> per app: a pool of its own, apart
/// from EF Core's and the award listener's, so the engine's hot connections are not handed to other work in between.
/// </summary>
internal sealed class PostgreSqlEngineDatabase(NpgsqlDataSource dataSource) : IEngineDatabase, IDisposable, IAsyncDisposable
{
    public bool HasSingleWriter => false;

    /// <summary>
    /// The engine's data source for the app's connection string. No Reset On Close: the engine's connections carry no
    /// session state to reset (no SET, temporary table, LISTEN or advisory lock: every statement is the engine's, or an
    /// action's rows written through EF Core in the engine's transaction), and each write ends in a commit or a rollback
    /// before its connection is returned; without it Npgsql sends its reset statements ahead of every rent's first
    /// query, most of the statements an event ran.
    /// </summary>
    public static PostgreSqlEngineDatabase Create(string connectionString) =>
        new(new NpgsqlDataSourceBuilder(new NpgsqlConnectionStringBuilder(connectionString) { NoResetOnClose = true }.ToString()).Build());

    public async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await dataSource.OpenConnectionAsync(cancellationToken);

    // Both: a service provider disposed without await refuses a singleton that is only asynchronously disposable.
    public void Dispose() => dataSource.Dispose();

    public ValueTask DisposeAsync() => dataSource.DisposeAsync();
}
