namespace MilestonesApp.Engine;

/// <summary>
/// How far a user's catch-up reached (<c>user_stats.evaluated_version</c> and <c>evaluated_through</c>): at the in-order
/// login at <see cref="Through"/>, every active milestone of catalog <see cref="Version"/> the user lacked had held at no
/// moment so far. A milestone saved since then is not covered, and is evaluated over the whole history once.
/// </summary>
internal sealed record CatchUpMark(long Version, DateTimeOffset Through)
{
    /// <summary>The moment up to which <paramref name="milestone"/> held at no moment, if the mark covers it.</summary>
    public DateTimeOffset? ThroughFor(ActiveMilestone milestone) => milestone.ChangedInVersion <= Version ? Through : null;
}
