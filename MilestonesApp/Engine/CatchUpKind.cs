namespace MilestonesApp.Engine;

/// <summary>How a login's catch-up evaluated a milestone: from the user's catch-up mark on, or over the whole history.</summary>
internal enum CatchUpKind
{
    Incremental,
    Full,
}
