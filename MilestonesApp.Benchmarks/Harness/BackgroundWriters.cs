using System.Diagnostics;
using MilestonesApp.Benchmarks.Fixtures;
using MilestonesApp.Engine;

namespace MilestonesApp.Benchmarks.Harness;

/// <summary>One call by a background writer: when it started and ended, in <see cref="Stopwatch"/> timestamps.</summary>
internal readonly record struct TimedCall(long Started, long Ended)
{
    public double Milliseconds => Stopwatch.GetElapsedTime(Started, Ended).TotalMilliseconds;
}

/// <summary>
/// Writers that keep recording, one after another, from one shared stream until stopped, keeping every call's start and
/// end, so the latencies seen during some other work can be told from those seen without it.
/// </summary>
internal sealed class BackgroundWriters(Func<DomainEvent, Task> record, EventStream stream, int writers) : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly List<TimedCall>[] calls = Enumerable.Range(0, writers).Select(_ => new List<TimedCall>()).ToArray();
    private Task running = Task.CompletedTask;

    public void Start() => running = Task.WhenAll(calls.Select(own => Task.Run(() => WriteAsync(own))));

    /// <summary>Stops the writers and returns every call they made.</summary>
    public async Task<IReadOnlyList<TimedCall>> StopAsync()
    {
        await stop.CancelAsync();
        await running;
        return calls.SelectMany(own => own).ToList();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        stop.Dispose();
    }

    private async Task WriteAsync(List<TimedCall> own)
    {
        while (!stop.IsCancellationRequested)
        {
            var started = Stopwatch.GetTimestamp();
            await record(stream.Next());
            own.Add(new TimedCall(started, Stopwatch.GetTimestamp()));
        }
    }
}
