using MilestonesApp.Data;
using Npgsql;

namespace MilestonesApp.Tests.Shared;

/// <summary>A database of its own on the test server (<see cref="TestPostgreSqlServer"/>); disposing drops it.</summary>
public sealed class TemporaryPostgreSqlDatabase : ITestDatabase
{
    private readonly string server;
    private readonly string name = "test_" + Guid.NewGuid().ToString("N");

    public TemporaryPostgreSqlDatabase()
    {
        server = TestPostgreSqlServer.Require();
        Folder = Path.Combine(Path.GetTempPath(), "milestones-tests", name);
        Directory.CreateDirectory(Folder);
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString();
        Execute($"CREATE DATABASE {name}");
    }

    public DatabaseProvider Provider => DatabaseProvider.PostgreSql;

    public string Folder { get; }

    public string ConnectionString { get; }

    public void Dispose()
    {
        using (var connection = new NpgsqlConnection(ConnectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        Execute($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        Directory.Delete(Folder, recursive: true);
    }

    private void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(server);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
