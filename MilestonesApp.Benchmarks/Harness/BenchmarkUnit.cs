namespace MilestonesApp.Benchmarks.Harness;

/// <summary>One benchmark: the rows it yields, and how to run it (building any fixture it needs first).</summary>
internal sealed record BenchmarkUnit(IReadOnlyList<string> Rows, Func<Task<IReadOnlyList<ResultRow>>> RunAsync);
