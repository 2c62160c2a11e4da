using System.Diagnostics;
using MilestonesApp.Benchmarks.Fixtures;
using MilestonesApp.Engine;

namespace MilestonesApp.Benchmarks.Harness;

/// <summary>
/// Writers recording at once, one stream each (or one shared), a fixed number of events per writer and round; collects
/// each measured round's rate, every call's latency and the errors, which it names on stderr under the row's id.
/// </summary>
internal sealed class ConcurrentLoad(string id, Func<DomainEvent, Task> record, EventStream[] streams, int eventsPerWriter)
{
    private readonly List<double> latencies = [];
    private int errors;

    public List<double> Rates { get; } = [];

    public int Errors => errors;

    public Distribution Latency => new(latencies);

    public async Task RunAsync(bool measured)
    {
        var started = Stopwatch.GetTimestamp();
        var writers = await Task.WhenAll(streams.Select(stream => Task.Run(() => WriteAsync(stream))));
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        if (measured)
        {
            Rates.Add(streams.Length * eventsPerWriter / seconds);
            latencies.AddRange(writers.SelectMany(w => w));
        }
    }

    private async Task<List<double>> WriteAsync(EventStream stream)
    {
        var own = new List<double>(eventsPerWriter);
        for (var i = 0; i < eventsPerWriter; i++)
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                await record(stream.Next());
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
