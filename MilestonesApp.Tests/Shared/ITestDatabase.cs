using MilestonesApp.Data;

namespace MilestonesApp.Tests.Shared;

/// <summary>A throwaway database of one provider, with a folder of its own for the host's content root; disposing deletes both.</summary>
public interface ITestDatabase : IDisposable
{
    DatabaseProvider Provider { get; }

    /// <summary>The database's own folder: a place for files a test needs beside it, such as a seed file.</summary>
    string Folder { get; }

    string ConnectionString { get; }
}

public static class TestDatabases
{
    /// <summary>A fresh database on the provider; on PostgreSQL the test skips (fails under CI) when no server is configured.</summary>
    public static ITestDatabase Create(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => new TemporarySqliteDatabase(),
        DatabaseProvider.PostgreSql => new TemporaryPostgreSqlDatabase(),
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
    };
}
