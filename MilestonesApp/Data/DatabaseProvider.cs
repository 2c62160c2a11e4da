namespace MilestonesApp.Data;

/// <summary>Where the one database lives: <c>Milestones:Database:Provider</c>.</summary>
public enum DatabaseProvider
{
    /// <summary>An embedded file that needs nothing installed; one app node. The default.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server that several app nodes share.</summary>
    PostgreSql,
}
