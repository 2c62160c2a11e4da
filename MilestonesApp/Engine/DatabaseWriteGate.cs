namespace MilestonesApp.Engine;

/// <summary>
/// Lets one engine write transaction run at a time in this process. SQLite has a single writer anyway, and
/// Microsoft.Data.Sqlite answers a locked database by sleeping 150 ms; queueing here keeps tail latency low.
/// </summary>
public sealed class DatabaseWriteGate : IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);

    public async ValueTask<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        return new Release(gate);
    }

    public void Dispose() => gate.Dispose();

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        public void Dispose() => gate.Release();
    }
}
