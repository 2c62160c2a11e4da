using System.Diagnostics;

namespace MilestonesApp.Benchmarks.Benchmarks;

/// <summary>
/// Counts the round trips a PostgreSQL writer makes, from Npgsql's own tracing: one activity per command or batch sent
/// (a batch is one trip), and how many of them ran a prepared statement. A transaction's BEGIN travels with its first
/// command, so it is no trip of its own; its COMMIT is one, which the caller adds (Npgsql traces no commit). Listening
/// costs time, so it counts in a pass of its own, never in the timed rounds. Only commands on the named database count:
/// the other nodes in the process poll theirs meanwhile.
/// </summary>
internal sealed class NpgsqlRoundTrips : IDisposable
{
    private readonly ActivityListener listener;
    private int commands;
    private int prepared;
    private int other;

    private readonly string database;

    public NpgsqlRoundTrips(string database)
    {
        this.database = database;
        listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = Count,
        };
        ActivitySource.AddActivityListener(listener);
    }

    /// <summary>Commands sent, how many of them were prepared, and other traced operations (connection opens), since the last call.</summary>
    public (int Commands, int Prepared, int Other) Take() =>
        (Interlocked.Exchange(ref commands, 0), Interlocked.Exchange(ref prepared, 0), Interlocked.Exchange(ref other, 0));

    public void Dispose() => listener.Dispose();

    private void Count(Activity activity)
    {
        // Only command activities carry the query text; connection opens are traced too and are not round trips here.
        if (activity.GetTagItem("db.query.text") is null && activity.GetTagItem("db.statement") is null)
        {
            Interlocked.Increment(ref other);
            return;
        }

        if (activity.GetTagItem("db.namespace") is string name && name != database)
        {
            return;
        }

        Interlocked.Increment(ref commands);
        if (activity.GetTagItem("db.npgsql.prepared") is true)
        {
            Interlocked.Increment(ref prepared);
        }
    }
}
