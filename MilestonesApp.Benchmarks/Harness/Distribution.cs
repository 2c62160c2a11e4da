namespace MilestonesApp.Benchmarks.Harness;

/// <summary>Repeated measurements of one quantity: its median, percentiles and spread.</summary>
internal sealed class Distribution
{
    private readonly double[] sorted;

    public Distribution(IEnumerable<double> samples)
    {
        sorted = samples.Order().ToArray();
        if (sorted.Length == 0)
        {
            throw new ArgumentException("A distribution needs at least one sample.", nameof(samples));
        }
    }

    public int Count => sorted.Length;

    public double Median => Percentile(50);

    public double Min => sorted[0];

    public double Max => sorted[^1];

    /// <summary>Half the range, relative to the median: every run lies within median ± this.</summary>
    public double Spread => (Max - Min) / 2 / Median;

    /// <summary>Linear interpolation between closest ranks.</summary>
    public double Percentile(double percent)
    {
        var rank = percent / 100 * (sorted.Length - 1);
        var below = (int)Math.Floor(rank);
        var above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + (sorted[above] - sorted[below]) * (rank - below);
    }

    public string SpreadText => $"±{Spread:P0} (n={Count})";
}
