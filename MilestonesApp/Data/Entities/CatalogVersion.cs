namespace MilestonesApp.Data.Entities;

/// <summary>
/// The one row of <c>catalog_version</c>: raised in the same transaction as every change to <c>milestones</c>, and
/// read by the engine in each event's transaction, so every node and process evaluates the definitions as saved.
/// </summary>
public sealed class CatalogVersion
{
    public const int RowId = 1;

    public int Id { get; set; }
    public long Version { get; set; }
}
