namespace MilestonesApp.Engine.Storage;

/// <summary>Where the engine's write transactions come from; the provider decides how they are ordered.</summary>
internal interface IEngineConnection
{
    Task<EngineTransaction> BeginAsync(CancellationToken cancellationToken);
}
