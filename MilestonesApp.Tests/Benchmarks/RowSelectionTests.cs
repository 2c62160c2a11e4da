extern alias benchmarks;

using benchmarks::MilestonesApp.Benchmarks.Harness;

namespace MilestonesApp.Tests.Benchmarks;

public sealed class RowSelectionTests
{
    private static readonly string[] SingleWriter = ["B0", "B1"];
    private static readonly string[] PostgreSql = ["P0", "P1", "P2"];

    [Fact]
    public void No_arguments_select_every_row()
    {
        var selection = RowSelection.Parse([]);

        Assert.All(RowSelection.AllRows, row => Assert.True(selection.Includes([row]), row));
    }

    [Fact]
    public void A_named_row_runs_its_benchmark_with_the_baseline_it_yields_and_nothing_else()
    {
        var selection = RowSelection.Parse(["b1", "B6"]);

        Assert.True(selection.Includes(SingleWriter));
        Assert.True(selection.Includes(["B6"]));
        Assert.False(selection.Includes(["B2"]));
        Assert.False(selection.Includes(PostgreSql));
    }

    [Fact]
    public void The_postgresql_word_names_the_postgresql_rows_alone()
    {
        var selection = RowSelection.Parse(["postgresql"]);

        Assert.True(selection.Includes(PostgreSql));
        Assert.False(selection.Includes(SingleWriter));
    }

    [Fact]
    public void An_unknown_row_is_refused_by_name()
    {
        var error = Assert.Throws<ArgumentException>(() => RowSelection.Parse(["B9"]));

        Assert.Contains("'B9'", error.Message, StringComparison.Ordinal);
    }
}
