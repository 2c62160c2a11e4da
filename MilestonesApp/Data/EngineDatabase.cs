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

/// <summary>The engine's connections on PostgreSQL, from Npgsql's pool.</summary>
internal sealed class PostgreSqlEngineDatabase(string connectionString) : IEngineDatabase
{
    public bool HasSingleWriter => false;

    public async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
