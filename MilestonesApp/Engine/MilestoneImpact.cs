namespace MilestonesApp.Engine;

/// <summary>
/// What making a definition live would do, counted without writing anything.
/// </summary>
/// <param name="Qualifying">Users whose history satisfies the rule now (at some moment so far, as catch-up judges it).</param>
/// <param name="AlreadyHolding">Users who hold the milestone already (none for one never saved or never live); they keep it whatever the rule says.</param>
/// <param name="NewlyAwarded">Qualifying users who do not hold it: exactly whom going live (the backfill) awards.</param>
/// <param name="Sample">Up to ten of the newly awarded: their e-mail where they have an account, else their user id.</param>
/// <param name="Elapsed">How long the count took.</param>
public sealed record MilestoneImpact(int Qualifying, int AlreadyHolding, int NewlyAwarded, IReadOnlyList<string> Sample, TimeSpan Elapsed)
{
    public const int SampleSize = 10;
}
