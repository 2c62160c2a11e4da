namespace MilestonesApp.Engine;

/// <summary>
/// On SQLite, lets one write transaction run at a time in this process. SQLite has a single writer anyway, and
/// Microsoft.Data.Sqlite answers a locked database by sleeping 150 ms; queueing here keeps tail latency low.
/// On PostgreSQL it lets everything through: writers run concurrently, and any ordering they need comes from the
/// database's row locks, since the other app nodes never see this process's gate.
/// </summary>
public sealed class DatabaseWriteGate(IEngineDatabase database) : IDisposable
{
    private static readonly IDisposable Open = new Release(null);

    private readonly SemaphoreSlim gate = new(1, 1);

    public async ValueTask<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        if (!database.HasSingleWriter)
        {
            return Open;
        }

        await gate.WaitAsync(cancellationToken);
        return new Release(gate);
    }

    public void Dispose() => gate.Dispose();

    private sealed class Release(SemaphoreSlim? gate) : IDisposable
    {
        public void Dispose() => gate?.Release();
    }
}
