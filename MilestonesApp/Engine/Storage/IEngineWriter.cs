namespace MilestonesApp.Engine.Storage;

/// <summary>
/// Runs the engine's database work in a write transaction. The work's result reaches the caller only after its
/// changes are committed; a failure rolls back that work alone and reaches the caller as the exception.
/// </summary>
internal interface IEngineWriter
{
    Task<T> WriteAsync<T>(Func<EngineStore, CancellationToken, Task<T>> work, CancellationToken cancellationToken);
}
