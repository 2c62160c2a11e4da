using System.Diagnostics;

namespace MilestonesApp.Benchmarks.Harness;

/// <summary>What the run is doing, on stderr with the time since start, so stdout holds only the table.</summary>
internal static class Progress
{
    private static readonly Stopwatch Clock = Stopwatch.StartNew();

    public static TimeSpan Elapsed => Clock.Elapsed;

    public static void Say(string message) => Console.Error.WriteLine($"[{Clock.Elapsed:mm\\:ss}] {message}");
}
