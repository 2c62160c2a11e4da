using Microsoft.Data.Sqlite;

namespace MilestonesApp.Benchmarks.Fixtures;

/// <summary>A temp folder for the run's SQLite files, deleted at the end.</summary>
internal sealed class Workspace : IDisposable
{
    public string Folder { get; } = Directory.CreateDirectory(
        Path.Combine(Path.GetTempPath(), "milestones-bench-" + Guid.NewGuid().ToString("N")[..8])).FullName;

    public string PathOf(string fileName) => Path.Combine(Folder, fileName);

    /// <summary>Copies a closed database file, so several fixtures start from one seeded history.</summary>
    public string Copy(string databasePath, string fileName)
    {
        var copy = PathOf(fileName);
        File.Copy(databasePath, copy);
        return copy;
    }

    /// <summary>The size of a database's write-ahead log in MB, to show that checkpoints keep up.</summary>
    public static double WalMegabytes(string databasePath) =>
        File.Exists(databasePath + "-wal") ? new FileInfo(databasePath + "-wal").Length / 1e6 : 0;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
    }
}
