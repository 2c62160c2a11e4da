using System.Runtime.InteropServices;
using MilestonesApp.Benchmarks.Benchmarks;
using MilestonesApp.Benchmarks.Fixtures;
using MilestonesApp.Benchmarks.Harness;

// The engine measured against raw SQLite in one run: seeds its own temp databases, prints one Markdown table on stdout
// (progress goes to stderr), deletes everything it made. See README, "Performance".
using var workspace = new Workspace();
Progress.Say($"databases in {workspace.Folder}");
var rows = new List<ResultRow>();

var busy = HistoryShape.EndingLastMonth(users: 1_000, eventsPerUser: 100, days: 365);
var busyPath = await SeededDatabase.CreateAsync(workspace, "history-100k.db", busy, extraMilestones: 17, busy.AllUsers());
rows.AddRange(await SingleWriterBenchmark.RunAsync(workspace, busyPath, busy));
rows.AddRange(await ConcurrentWritersBenchmark.RunAsync(workspace, busyPath, busy));
rows.Add(await HttpApiBenchmark.RunAsync(workspace, busyPath, busy));

var small = HistoryShape.EndingLastMonth(users: 1_000, eventsPerUser: 10, days: 90);
var large = HistoryShape.EndingLastMonth(users: 100_000, eventsPerUser: 10, days: 90);
var smallPath = await SeededDatabase.CreateAsync(workspace, "history-10k.db", small, extraMilestones: 17, small.SpreadUsers(100));
var largePath = await SeededDatabase.CreateAsync(workspace, "history-1m.db", large, extraMilestones: 17, large.SpreadUsers(100));
rows.Add(await HistoryGrowthBenchmark.RunAsync(smallPath, small, largePath, large));
rows.Add(await CatchUpLoginBenchmark.RunAsync(workspace));
rows.Add(await BackfillBenchmark.RunAsync(largePath, large));

ResultTable.Print(rows.OrderBy(row => row.Id, StringComparer.Ordinal), Console.Out);
Console.WriteLine();
Console.WriteLine($"Whole run {Progress.Elapsed.TotalMinutes:F1} min; {Environment.ProcessorCount} cores, {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}.");
