using System.Diagnostics;
using System.Runtime.InteropServices;
using MilestonesApp.Benchmarks.Benchmarks;
using MilestonesApp.Benchmarks.Fixtures;
using MilestonesApp.Benchmarks.Harness;

// The engine measured against raw SQLite in one run, and on PostgreSQL when a server is configured: seeds its own
// temp databases, prints one Markdown table on stdout (progress goes to stderr), deletes everything it made. Rows
// named as arguments (`-- B1 B6`, `-- postgresql`) run alone, with their baselines. See README, "Performance".
RowSelection selection;
try
{
    selection = RowSelection.Parse(args);
}
catch (ArgumentException exception)
{
    Console.Error.WriteLine(exception.Message);
    return 2;
}

using var workspace = new Workspace();
Progress.Say($"databases in {workspace.Folder}");

// Each fixture is built the first time a selected benchmark needs it, so a single row does not pay for the others'.
var busy = HistoryShape.EndingLastMonth(users: 1_000, eventsPerUser: 100, days: 365);
var small = HistoryShape.EndingLastMonth(users: 1_000, eventsPerUser: 10, days: 90);
var large = HistoryShape.EndingLastMonth(users: 100_000, eventsPerUser: 10, days: 90);
var busyPath = new Lazy<Task<string>>(() => SeededDatabase.CreateAsync(workspace, "history-100k.db", [busy], extraMilestones: 17, busy.AllUsers()));
var smallPath = new Lazy<Task<string>>(() => SeededDatabase.CreateAsync(workspace, "history-10k.db", [small], extraMilestones: 17, small.SpreadUsers(100)));
var largePath = new Lazy<Task<string>>(() => SeededDatabase.CreateAsync(workspace, "history-1m.db", [large], extraMilestones: 17, large.SpreadUsers(100)));

BenchmarkUnit[] benchmarks =
[
    new(["B0", "B1"], async () => await SingleWriterBenchmark.RunAsync(workspace, await busyPath.Value, busy)),
    new(["B2"], async () => await ConcurrentWritersBenchmark.RunAsync(workspace, await busyPath.Value, busy)),
    new(["B7", "B7b"], async () => await HttpApiBenchmark.RunAsync(workspace, await busyPath.Value, busy)),
    new(["B7p"], async () => [await HttpApiBenchmark.RunOnPostgreSqlAsync()]),
    new(["B8"], async () => await WebhookOutboxBenchmark.RunAsync(workspace, await busyPath.Value, busy)),
    new(["B3"], async () => [await HistoryGrowthBenchmark.RunAsync(await smallPath.Value, small, await largePath.Value, large)]),
    new(["B4"], async () => await CatchUpLoginBenchmark.RunAsync(workspace)),
    new(["B5"], async () => [await BackfillBenchmark.RunAsync(await largePath.Value, large)]),
    // Last of the SQLite rows: its fsyncs leave the disk busy for whatever runs next.
    new(["B6"], async () => await DurabilityBenchmark.RunAsync(workspace, await busyPath.Value, busy)),
    new(["P0", "P1", "P2"], PostgreSqlBenchmark.RunAsync),
];

var selected = benchmarks.Where(benchmark => selection.Includes(benchmark.Rows)).ToList();
var ran = string.Join(" ", selected.SelectMany(benchmark => benchmark.Rows).Order(StringComparer.Ordinal));
Progress.Say($"rows: {ran}");
var rows = new List<ResultRow>();
foreach (var benchmark in selected)
{
    var clock = Stopwatch.StartNew();
    rows.AddRange(await benchmark.RunAsync());
    Progress.Say($"{string.Join(", ", benchmark.Rows)} took {clock.Elapsed.TotalSeconds:F0} s (with any fixture it built first)");
}

ResultTable.Print(rows.OrderBy(row => row.Id, StringComparer.Ordinal), Console.Out);
Console.WriteLine();
Console.WriteLine($"Rows run: {ran}. Whole run {Progress.Elapsed.TotalMinutes:F1} min; {Environment.ProcessorCount} cores, {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}.");
return 0;
