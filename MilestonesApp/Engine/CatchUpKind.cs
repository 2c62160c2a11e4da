namespace MilestonesApp.Engine;

/// <summary>
/// How a login's catch-up read: an in-order login from the user's catch-up mark on, or over the whole history; or a
/// late login, judged where it falls in time.
/// </summary>
internal enum CatchUpKind
{
    Incremental,
    Full,
    Late,
}
