using System.Diagnostics;
using MilestonesApp.Benchmarks.Fixtures;
using MilestonesApp.Engine;

namespace MilestonesApp.Benchmarks.Harness;

/// <summary>
/// Writers at once, one stream each, each making <paramref name="callsPerWriter"/> calls of <paramref name="eventsPerCall"/>
/// events one after another: a run's events per second and process CPU per event (<see cref="RunSample"/>), every
/// call's latency and the errors, which it names on stderr under the row's id. The latencies of the first
/// <paramref name="warmUpRuns"/> runs are left out (<see cref="Timing.InterleaveAsync"/>'s first round is one).
/// </summary>
internal sealed class CallLoad(
    string id, Func<IReadOnlyList<DomainEvent>, Task> send, EventStream[] streams, int callsPerWriter, int eventsPerCall = 1, int warmUpRuns = 1)
{
    private readonly List<List<double>> runs = [];
    private int errors;

    public int Errors => errors;

    public int EventsPerRun => streams.Length * callsPerWriter * eventsPerCall;

    /// <summary>Every measured call's latency in ms, the warm-up runs' left out.</summary>
    public Distribution Latency => new(runs.Skip(warmUpRuns).SelectMany(run => run));

    public async Task<RunSample> RunAsync()
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var started = Stopwatch.GetTimestamp();
        var writers = await Task.WhenAll(streams.Select(stream => Task.Run(() => WriteAsync(stream))));
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var cpuUsed = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        runs.Add([.. writers.SelectMany(w => w)]);
        return new RunSample(EventsPerRun / seconds, cpuUsed.TotalMicroseconds / EventsPerRun);
    }

    private async Task<List<double>> WriteAsync(EventStream stream)
    {
        var own = new List<double>(callsPerWriter);
        for (var call = 0; call < callsPerWriter; call++)
        {
            var events = Enumerable.Range(0, eventsPerCall).Select(_ => stream.Next()).ToList();
            var started = Stopwatch.GetTimestamp();
            try
            {
                await send(events);
            }
            catch (Exception exception)
            {
                Interlocked.Increment(ref errors);
                Progress.Say($"{id} error: {exception.GetType().Name}: {exception.Message}");
            }

            own.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return own;
    }
}
