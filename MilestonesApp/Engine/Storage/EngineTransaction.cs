using System.Data.Common;

namespace MilestonesApp.Engine.Storage;

/// <summary>
/// One write transaction of the engine with the store that runs its statements. Disposing it without
/// <see cref="CommitAsync"/> rolls back and tells the connection the work failed, so nothing a failure left behind
/// carries over to the next event.
/// </summary>
internal sealed class EngineTransaction(DbTransaction transaction, EngineStore store, Func<bool, ValueTask> release) : IAsyncDisposable
{
    private bool committed;

    public EngineStore Store => store;

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        await transaction.CommitAsync(cancellationToken);
        committed = true;
    }

    public async ValueTask DisposeAsync()
    {
        await transaction.DisposeAsync();
        await release(committed);
    }
}
