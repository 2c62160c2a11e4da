namespace MilestonesApp.Benchmarks.Harness;

/// <summary>One line of the table: what was measured, the figure, its spread, the target and the verdict.</summary>
internal sealed record ResultRow(string Id, string What, string Result, string Spread, string Target, string Verdict);

/// <summary>The run's one table, printed as Markdown so it can be pasted into the README as is.</summary>
internal static class ResultTable
{
    private static readonly string[] Headers = ["id", "what", "result", "spread", "target", "verdict"];

    public static void Print(IEnumerable<ResultRow> rows, TextWriter output)
    {
        var cells = rows.Select(r => new[] { r.Id, r.What, r.Result, r.Spread, r.Target, r.Verdict }).ToList();
        var widths = Headers.Select((header, column) => cells.Select(row => row[column].Length).Append(header.Length).Max()).ToArray();
        output.WriteLine(Line(Headers, widths));
        output.WriteLine(Line(widths.Select(width => new string('-', width)).ToArray(), widths));
        foreach (var row in cells)
        {
            output.WriteLine(Line(row, widths));
        }
    }

    private static string Line(string[] cells, int[] widths) =>
        "| " + string.Join(" | ", cells.Select((cell, column) => cell.PadRight(widths[column]))) + " |";
}
