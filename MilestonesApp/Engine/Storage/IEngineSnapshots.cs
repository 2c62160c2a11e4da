namespace MilestonesApp.Engine.Storage;

/// <summary>Where the engine reads outside its write transactions: work that must not hold the write gate.</summary>
internal interface IEngineSnapshots
{
    /// <summary>Runs <paramref name="read"/> on a store that sees one consistent state of the database, taking no write lock.</summary>
    Task<T> ReadAsync<T>(Func<EngineStore, Task<T>> read, CancellationToken cancellationToken);
}
