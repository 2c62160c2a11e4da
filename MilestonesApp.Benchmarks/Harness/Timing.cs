using System.Diagnostics;
using MilestonesApp.Benchmarks.Fixtures;
using MilestonesApp.Engine;

namespace MilestonesApp.Benchmarks.Harness;

/// <summary>
/// One run of a writer: wall-clock events per second, and the process's CPU time per event. The CPU figure is the
/// steadier one on a shared machine, since time spent waiting for a core or the disk does not count in it.
/// </summary>
internal sealed record RunSample(double EventsPerSecond, double CpuMicrosecondsPerEvent)
{
    public double MicrosecondsPerEvent => 1e6 / EventsPerSecond;
}

internal static class Timing
{
    /// <summary>Records <paramref name="events"/> events from the stream one after another.</summary>
    public static async Task<RunSample> RunAsync(Func<DomainEvent, Task> record, EventStream stream, int events)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < events; i++)
        {
            await record(stream.Next());
        }

        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var cpuUsed = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        return new RunSample(events / seconds, cpuUsed.TotalMicroseconds / events);
    }

    /// <summary>Several writers at once, each recording <paramref name="eventsPerWriter"/> events from its own stream: the aggregate rate.</summary>
    public static async Task<RunSample> RunConcurrentAsync(IReadOnlyList<(Func<DomainEvent, Task> Record, EventStream Stream)> writers, int eventsPerWriter)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(writers.Select(writer => Task.Run(async () =>
        {
            for (var i = 0; i < eventsPerWriter; i++)
            {
                await writer.Record(writer.Stream.Next());
            }
        })));

        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var events = writers.Count * eventsPerWriter;
        return new RunSample(events / seconds, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMicroseconds / events);
    }

    /// <summary>
    /// Runs every contender once per round, after one warm-up round, rotating the order each round so that drift on a
    /// shared machine falls on all of them alike. Returns each contender's samples, in the contenders' order.
    /// </summary>
    public static async Task<List<RunSample>[]> InterleaveAsync(IReadOnlyList<Func<Task<RunSample>>> contenders, int rounds, string label)
    {
        var samples = contenders.Select(_ => new List<RunSample>()).ToArray();
        for (var round = -1; round < rounds; round++)
        {
            for (var turn = 0; turn < contenders.Count; turn++)
            {
                var contender = (turn + round + 1) % contenders.Count;
                var sample = await contenders[contender]();
                if (round >= 0)
                {
                    samples[contender].Add(sample);
                }
            }
        }

        Progress.Say($"{label}: {string.Join(" / ", samples.Select(s => $"{new Distribution(s.Select(x => x.EventsPerSecond)).Median:N0} events/s, {new Distribution(s.Select(x => x.CpuMicrosecondsPerEvent)).Median:F0} µs CPU"))}");
        return samples;
    }

    /// <summary>The per-round ratio of two contenders' figures, so each ratio compares runs made moments apart.</summary>
    public static Distribution Ratio(List<RunSample> numerator, List<RunSample> denominator, Func<RunSample, double> figure) =>
        new(numerator.Zip(denominator, (n, d) => figure(n) / figure(d)));

    public static async Task<double> MillisecondsAsync(Func<Task> action)
    {
        var started = Stopwatch.GetTimestamp();
        await action();
        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }
}
