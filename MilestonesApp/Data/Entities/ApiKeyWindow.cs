namespace MilestonesApp.Data.Entities;

/// <summary>
/// A row of <c>api_key_windows</c>: how many requests a key has made in its current rate-limit window. On PostgreSQL
/// every node counts in this one row, so a key's limit holds for the cluster, not per node.
/// </summary>
public sealed class ApiKeyWindow
{
    public int ApiKeyId { get; set; }

    /// <summary>The window's start, in Unix milliseconds: a multiple of the window's length, the same on every node.</summary>
    public long WindowStart { get; set; }

    public int Requests { get; set; }
}
