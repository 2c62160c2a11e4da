extern alias benchmarks;

using benchmarks::MilestonesApp.Benchmarks.Harness;

namespace MilestonesApp.Tests.Benchmarks;

/// <summary>The tracers' output as they print it on this kind of machine (perf 6.1, strace 6.1).</summary>
public sealed class FsyncCounterOutputTests
{
    [Fact]
    public void Perf_intervals_are_summed_over_both_syscalls_and_idle_intervals_count_nothing()
    {
        const string output = """
            # started on Mon Nov 30 00:10:26 2026

                 0.100188184,<not counted>,,syscalls:sys_enter_fsync,0,100.00,,
                 0.100188184,<not counted>,,syscalls:sys_enter_fdatasync,0,100.00,,
                 0.200458722,50,,syscalls:sys_enter_fsync,5721631,100.00,,
                 0.200458722,7,,syscalls:sys_enter_fdatasync,5721631,100.00,,
                 0.300681101,1,,syscalls:sys_enter_fsync,4400000,100.00,,
                 0.300681101,0,,syscalls:sys_enter_fdatasync,4400000,100.00,,
            """;

        Assert.Equal(58, FsyncCounter.ParsePerf(output));
    }

    [Fact]
    public void Strace_summary_gives_the_calls_of_both_syscalls_whether_or_not_they_failed()
    {
        const string output = """
            % time     seconds  usecs/call     calls    errors syscall
            ------ ----------- ----------- --------- --------- ----------------
             90.00    0.001343          26        50           fdatasync
             10.00    0.000100          10        10         2 fsync
            ------ ----------- ----------- --------- --------- ----------------
            100.00    0.001443          24        60         2 total
            """;

        Assert.Equal(60, FsyncCounter.ParseStrace(output));
    }
}
