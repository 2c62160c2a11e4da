using Microsoft.Data.Sqlite;
using MilestonesApp.Data;

namespace MilestonesApp.Tests.Shared;

/// <summary>A real SQLite file in a folder of its own under the temp directory; disposing deletes the folder.</summary>
public sealed class TemporarySqliteDatabase : ITestDatabase
{
    public TemporarySqliteDatabase()
    {
        Folder = Path.Combine(Path.GetTempPath(), "milestones-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        FilePath = Path.Combine(Folder, "milestones.db");
        ConnectionString = new SqliteConnectionStringBuilder { DataSource = FilePath }.ToString();
    }

    public DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public string Folder { get; }

    public string FilePath { get; }

    public string ConnectionString { get; }

    public void Dispose()
    {
        // Pooled connections keep the file (and its -wal and -shm companions) open.
        using (var connection = new SqliteConnection(ConnectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        Directory.Delete(Folder, recursive: true);
    }
}
