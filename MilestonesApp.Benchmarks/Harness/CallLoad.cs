using System.Diagnostics;
using MilestonesApp.Benchmarks.Fixtures;
using MilestonesApp.Engine;

namespace MilestonesApp.Benchmarks.Harness;

/// <summary>
/// Writers at once, one stream each, each making <paramref name="callsPerWriter"/> calls of <paramref name="eventsPerCall"/>
/// events one after another: a run's events per second and process CPU per event (<see cref="RunSample"/>), every
/// call's latency and the errors, which it names on stderr under the row's id. Made for
/// <see cref="Timing.InterleaveAsync"/>, whose first round is a warm-up: the latencies of a load's first run are left out.
/// </summary>
internal sealed class CallLoad(string id, Func<IReadOnlyList<DomainEvent>, Task> send, EventStream[] streams, int callsPerWriter, int eventsPerCall = 1)
{
    private readonly List<List<double>> runs = [];
    private int errors;

    public int Errors => errors;

    public int EventsPerRun => streams.Length * callsPerWriter * eventsPerCall;

    /// <summary>Every measured call's latency in ms, the warm-up run's left out.</summary>
    public Distribution Latency => new(runs.Skip(1).SelectMany(run => run));

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
