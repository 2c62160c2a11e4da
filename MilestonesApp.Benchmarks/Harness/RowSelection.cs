namespace MilestonesApp.Benchmarks.Harness;

/// <summary>
/// The rows a run measures: those named on the command line (<c>B1 B6</c>, any case; <c>postgresql</c> names P0 to P2),
/// or every row when none is named. A benchmark that yields several rows runs whole when any of them is named, so a
/// row always comes with the baseline it is judged against.
/// </summary>
internal sealed class RowSelection
{
    public const string PostgreSqlWord = "postgresql";

    public static readonly IReadOnlyList<string> AllRows = ["B0", "B1", "B2", "B3", "B4", "B5", "B6", "B7", "B7b", "B7p", "B8", "P0", "P1", "P2"];

    private static readonly string[] PostgreSqlRows = ["P0", "P1", "P2"];

    private readonly HashSet<string> named;

    private RowSelection(HashSet<string> named) => this.named = named;

    /// <summary>Reads the arguments; an unknown word throws, naming what is known.</summary>
    public static RowSelection Parse(IReadOnlyList<string> arguments)
    {
        if (arguments.Count == 0)
        {
            return new RowSelection(AllRows.ToHashSet(StringComparer.Ordinal));
        }

        var named = new HashSet<string>(StringComparer.Ordinal);
        foreach (var argument in arguments)
        {
            if (argument.Equals(PostgreSqlWord, StringComparison.OrdinalIgnoreCase))
            {
                named.UnionWith(PostgreSqlRows);
            }
            else if (AllRows.FirstOrDefault(row => row.Equals(argument, StringComparison.OrdinalIgnoreCase)) is { } row)
            {
                named.Add(row);
            }
            else
            {
                throw new ArgumentException(
                    $"Unknown row '{argument}': name rows among {string.Join(" ", AllRows)}, or '{PostgreSqlWord}' for P0 to P2, or nothing for all.");
            }
        }

        return new RowSelection(named);
    }

    /// <summary>Whether a benchmark yielding these rows runs.</summary>
    public bool Includes(IEnumerable<string> rows) => rows.Any(named.Contains);
}
