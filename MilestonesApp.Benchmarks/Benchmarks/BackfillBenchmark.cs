using System.Diagnostics;
using Microsoft.Data.Sqlite;
using MilestonesApp.Benchmarks.Fixtures;
using MilestonesApp.Benchmarks.Harness;
using MilestonesApp.Engine;

namespace MilestonesApp.Benchmarks.Benchmarks;

/// <summary>
/// B5: backfilling a new count milestone and a new window milestone over every user, against the floor of one raw
/// INSERT ... SELECT per milestone that computes the same awards (the completing event and its time) with window
/// functions. Each repetition uses fresh codes, half saved inactive for the raw statements, so both sides do the same
/// work; the raw row counts double as a check of what the backfill awarded.
/// </summary>
internal static class BackfillBenchmark
{
    private const int Repetitions = 3;
    private const int Threshold = 3;
    private const int WindowCount = 2;
    private const int WindowDays = 14;
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(90);

    private const string RawCount = """
        INSERT INTO user_milestones (user_id, milestone_id, event_id, awarded_by_event_id, achieved_at, awarded_at)
        SELECT user_id, @milestone_id, id, NULL, occurred_at, @awarded_at
        FROM (SELECT user_id, id, occurred_at, row_number() OVER (PARTITION BY user_id ORDER BY occurred_at, id) AS nth
              FROM events WHERE event_type = @event_type)
        WHERE nth = @count
        ON CONFLICT (user_id, milestone_id) DO NOTHING
        """;

    private const string RawWindow = """
        INSERT INTO user_milestones (user_id, milestone_id, event_id, awarded_by_event_id, achieved_at, awarded_at)
        SELECT user_id, @milestone_id, id, NULL, occurred_at, @awarded_at
        FROM (SELECT user_id, id, occurred_at, row_number() OVER (PARTITION BY user_id ORDER BY occurred_at, id) AS k
              FROM (SELECT user_id, id, occurred_at,
                           occurred_at - lag(occurred_at, @count - 1) OVER (PARTITION BY user_id ORDER BY occurred_at, id) AS span
                    FROM events WHERE event_type = @event_type)
              WHERE span <= @window_ms)
        WHERE k = 1
        ON CONFLICT (user_id, milestone_id) DO NOTHING
        """;

    private static readonly MilestoneDefinition CountMilestone = BenchmarkMilestones.Count(0, StatsCounters.TotalWins, Threshold);
    private static readonly MilestoneDefinition WindowMilestone = BenchmarkMilestones.Window(0, EventTypes.WinLogged, WindowCount, WindowDays);

    public static async Task<ResultRow> RunAsync(string path, HistoryShape history)
    {
        var what = $"backfill of a new count and a new window milestone over {history.Users:N0} users ({history.TotalEvents:N0} events)";
        const string target = "≤ 2 × raw INSERT ... SELECT";
        await using var fixture = await EngineFixture.OpenAsync(path);
        var backfill = fixture.Backfill;
        var engineSeconds = new List<double>();
        var rawSeconds = new List<double>();
        var mismatches = new List<string>();
        var started = Stopwatch.GetTimestamp();
        for (var repetition = 0; repetition < Repetitions && Stopwatch.GetElapsedTime(started) < Budget; repetition++)
        {
            // Alternate which side goes first, so neither always runs on the other's freshly written WAL.
            Awarding rawRun, backfillRun;
            if (repetition % 2 == 0)
            {
                rawRun = await RawAsync(fixture, repetition);
                backfillRun = await BackfillAsync(fixture, backfill, repetition);
            }
            else
            {
                backfillRun = await BackfillAsync(fixture, backfill, repetition);
                rawRun = await RawAsync(fixture, repetition);
            }

            rawSeconds.Add(rawRun.Seconds);
            engineSeconds.Add(backfillRun.Seconds);
            if ((backfillRun.CountAwards, backfillRun.WindowAwards) != (rawRun.CountAwards, rawRun.WindowAwards))
            {
                mismatches.Add($"awarded {backfillRun.Awards}, raw {rawRun.Awards}");
            }

            Progress.Say($"B5 repetition {repetition}: backfill {backfillRun.Seconds:F2} s, raw {rawRun.Seconds:F2} s, awards {rawRun.Awards}");
        }

        var (engine, raw) = (new Distribution(engineSeconds), new Distribution(rawSeconds));
        var ratio = new Distribution(engineSeconds.Zip(rawSeconds, (e, r) => e / r));
        var verdict = mismatches.Count > 0 ? $"MISSED: awards differ from raw ({mismatches[0]})" : ratio.Median <= 2 ? "met" : "MISSED";
        return new ResultRow("B5", what, $"{engine.Median:F2} s vs raw {raw.Median:F2} s = {ratio.Median:F2} × raw", ratio.SpreadText, target, verdict);
    }

    /// <summary>The floor: the two raw statements, for milestones saved inactive so that only these statements award them.</summary>
    private static async Task<Awarding> RawAsync(EngineFixture fixture, int repetition)
    {
        await using var connection = await fixture.OpenRawConnectionAsync();
        var count = await SaveAsync(fixture, connection, CountMilestone with { Code = $"b5_raw_count_{repetition}", IsActive = false });
        var window = await SaveAsync(fixture, connection, WindowMilestone with { Code = $"b5_raw_window_{repetition}", IsActive = false });
        var clock = Stopwatch.StartNew();
        var countRows = await ExecuteAsync(connection, RawCount, count, EventTypes.WinLogged, Threshold);
        var windowRows = await ExecuteAsync(connection, RawWindow, window, EventTypes.WinLogged, WindowCount, WindowDays);
        return new Awarding(clock.Elapsed.TotalSeconds, countRows, windowRows);
    }

    private static async Task<Awarding> BackfillAsync(
        EngineFixture fixture, IMilestoneBackfill backfill, int repetition)
    {
        var count = CountMilestone with { Code = $"b5_count_{repetition}" };
        var window = WindowMilestone with { Code = $"b5_window_{repetition}" };
        await fixture.Catalog.SaveAsync(count);
        await fixture.Catalog.SaveAsync(window);
        var clock = Stopwatch.StartNew();
        var countResult = await backfill.AwardEveryoneWhoQualifiesAsync(count.Code);
        var windowResult = await backfill.AwardEveryoneWhoQualifiesAsync(window.Code);
        return new Awarding(clock.Elapsed.TotalSeconds, countResult.NewlyAwarded, windowResult.NewlyAwarded);
    }

    private static async Task<long> SaveAsync(EngineFixture fixture, SqliteConnection connection, MilestoneDefinition definition)
    {
        await fixture.Catalog.SaveAsync(definition);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id FROM milestones WHERE code = @code";
        command.Parameters.AddWithValue("@code", definition.Code);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<int> ExecuteAsync(SqliteConnection connection, string sql, long milestoneId, string eventType, int count, int windowDays = 0)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("@milestone_id", milestoneId);
        command.Parameters.AddWithValue("@awarded_at", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("@event_type", eventType);
        command.Parameters.AddWithValue("@count", count);
        command.Parameters.AddWithValue("@window_ms", (long)TimeSpan.FromDays(windowDays).TotalMilliseconds);
        return await command.ExecuteNonQueryAsync();
    }

    /// <summary>One side's awarding of the count and the window milestone: how long it took and how many it awarded.</summary>
    private sealed record Awarding(double Seconds, int CountAwards, int WindowAwards)
    {
        public string Awards => $"{CountAwards:N0} + {WindowAwards:N0}";
    }
}
