namespace MilestonesApp.Data;

/// <summary>Database settings bound from <c>Milestones:Database</c>; the connection string is <c>ConnectionStrings:Milestones</c>.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Milestones:Database";
    public const string ConnectionStringName = "Milestones";
    public const string DefaultConnectionString = "Data Source=milestones.db";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>SQLite only, like <see cref="BusyTimeoutMilliseconds"/>.</summary>
    public SqliteSynchronous Synchronous { get; set; } = SqliteSynchronous.Normal;

    public int BusyTimeoutMilliseconds { get; set; } = 5000;

    /// <summary>The milestone seed file, relative to the app's base directory.</summary>
    public string SeedFile { get; set; } = Path.Combine("Data", "Seed", "milestones.json");
}
