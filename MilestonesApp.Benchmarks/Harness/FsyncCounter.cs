using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;

namespace MilestonesApp.Benchmarks.Harness;

/// <summary>
/// Counts this process's fsync and fdatasync calls during a piece of work, with the first tool that proves it can here
/// by counting a file synced on purpose: perf on the syscall tracepoints (nothing added to the traced calls), else
/// strace attached to the process (every syscall of every thread then stops in the tracer, so counts are taken in
/// passes of their own, never in timed rounds).
/// </summary>
internal sealed class FsyncCounter
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private static readonly Tracer[] Tracers =
    [
        new("perf", (pid, output) =>
            ["stat", "-I", "100", "-x", ",", "-e", "syscalls:sys_enter_fsync,syscalls:sys_enter_fdatasync", "-p", pid, "-o", output],
            // perf writes a line per event and interval once its counters run, whether or not they counted anything.
            session => File.Exists(session.Output) && File.ReadAllText(session.Output).Contains("sys_enter_", StringComparison.Ordinal),
            ParsePerf),
        new("strace", (pid, output) => ["-f", "-c", "-e", "trace=fsync,fdatasync", "-p", pid, "-o", output],
            // "Process N attached with M threads" once all are held; threads started later are followed by -f.
            session => session.Attached,
            ParseStrace),
    ];

    private readonly Tracer tracer;

    private FsyncCounter(Tracer tracer) => this.tracer = tracer;

    public string Tool => tracer.Name;

    /// <summary>The first tool that counts a deliberate fsync of a file in <paramref name="folder"/>, or null, having said why.</summary>
    public static async Task<FsyncCounter?> FindAsync(string folder)
    {
        var probe = Path.Combine(folder, "fsync-probe");
        foreach (var tracer in Tracers)
        {
            var counted = await TryCountAsync(tracer, () => SyncOnceAsync(probe));
            if (counted >= 1)
            {
                Progress.Say($"fsyncs counted with {tracer.Name}");
                return new FsyncCounter(tracer);
            }

            Progress.Say($"{tracer.Name} cannot count this process's fsyncs here ({(counted is null ? "not available or not attached" : "saw none of a deliberate one")})");
        }

        return null;
    }

    /// <summary>fsync and fdatasync calls made by any thread of this process while <paramref name="work"/> ran.</summary>
    public async Task<long> CountAsync(Func<Task> work) =>
        await TryCountAsync(tracer, work) ?? throw new InvalidOperationException($"{tracer.Name} stopped counting fsyncs.");

    /// <summary>Sums perf's <c>-x ,</c> interval lines for the two tracepoints; "&lt;not counted&gt;" counts nothing.</summary>
    public static long ParsePerf(string output) => output
        .Split('\n')
        .Select(line => line.Split(','))
        .Where(cells => cells.Length > 3 && cells[3].Trim() is "syscalls:sys_enter_fsync" or "syscalls:sys_enter_fdatasync")
        .Sum(cells => long.TryParse(cells[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) ? count : 0);

    /// <summary>Reads the calls column of strace's <c>-c</c> summary for the two syscalls (the errors column may be empty).</summary>
    public static long ParseStrace(string output) => output
        .Split('\n')
        .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        .Where(cells => cells.Length >= 5 && cells[^1] is "fsync" or "fdatasync")
        .Sum(cells => long.Parse(cells[3], CultureInfo.InvariantCulture));

    private static async Task<long?> TryCountAsync(Tracer tracer, Func<Task> work)
    {
        var session = new Session(Path.Combine(Path.GetTempPath(), $"fsync-count-{Guid.NewGuid():N}"));
        try
        {
            using var process = session.Start(tracer);
            if (process is null || !await session.WaitUntilReadyAsync(process, tracer))
            {
                return null;
            }

            try
            {
                await work();
            }
            finally
            {
                await StopAsync(process);
            }

            return File.Exists(session.Output) ? tracer.Parse(await File.ReadAllTextAsync(session.Output)) : null;
        }
        finally
        {
            File.Delete(session.Output);
        }
    }

    /// <summary>SIGINT, on which both tools print what they counted and detach.</summary>
    private static async Task StopAsync(Process process)
    {
        using (var kill = Process.Start("kill", ["-INT", process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var patience = new CancellationTokenSource(Patience);
        await process.WaitForExitAsync(patience.Token);
    }

    private static async Task SyncOnceAsync(string path)
    {
        await using var file = new FileStream(path, FileMode.Create, FileAccess.Write);
        file.WriteByte(1);
        file.Flush(flushToDisk: true);
    }

    private sealed record Tracer(string Name, Func<string, string, string[]> Arguments, Func<Session, bool> IsReady, Func<string, long> Parse);

    /// <summary>One tracer process attached to this one, writing its counts to <see cref="Output"/>.</summary>
    private sealed class Session(string output)
    {
        private volatile bool attached;

        public string Output => output;

        public bool Attached => attached;

        public Process? Start(Tracer tracer)
        {
            // Both streams are read here: this run's stdout holds only the table.
            var start = new ProcessStartInfo(tracer.Name) { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var argument in tracer.Arguments(Environment.ProcessId.ToString(CultureInfo.InvariantCulture), output))
            {
                start.ArgumentList.Add(argument);
            }

            try
            {
                var process = Process.Start(start)!;
                process.ErrorDataReceived += (_, line) => OnTracerMessage(line.Data);
                process.BeginErrorReadLine();
                process.BeginOutputReadLine();
                return process;
            }
            catch (Win32Exception)
            {
                return null;
            }
        }

        public async Task<bool> WaitUntilReadyAsync(Process process, Tracer tracer)
        {
            var waited = Stopwatch.StartNew();
            while (!tracer.IsReady(this))
            {
                if (process.HasExited || waited.Elapsed > Patience)
                {
                    if (!process.HasExited)
                    {
                        process.Kill();
                    }

                    return false;
                }

                await Task.Delay(20);
            }

            return true;
        }

        private void OnTracerMessage(string? line)
        {
            if (line is not null && line.Contains(" attached", StringComparison.Ordinal))
            {
                attached = true;
            }
        }
    }
}
