namespace MilestonesApp.Application.Receipts;

/// <summary>
/// The nearest milestone ahead, from the progress each rule reports: of those it measures, the one with the fewest to
/// go (ties: the larger share done, then the receipts' order). A rule that measures nothing (a return can come at any
/// login, it is never "behind") is next only when nothing ahead is measured.
/// </summary>
public static class WhatsNext
{
    public static Receipt? Nearest(IEnumerable<Receipt> receipts)
    {
        var ahead = receipts.Where(r => !r.IsEarned && r.Progress is not null).ToList();
        return ahead
            .Where(r => ToGo(r) is not null)
            .OrderBy(r => ToGo(r))
            .ThenByDescending(r => r.Progress!.Percent)
            .FirstOrDefault() ?? ahead.FirstOrDefault();
    }

    /// <summary>How many are still missing; null when the rule measures nothing. Never below zero: progress never counts down.</summary>
    public static long? ToGo(Receipt receipt) =>
        receipt.Progress is { Current: { } current, Target: { } target } ? Math.Max(0, target - current) : null;
}

/// <summary>The nearest milestone ahead as a card shows it: its title and how many are still missing (null: any time).</summary>
public sealed record NextStep(string Code, string Title, string Icon, long? ToGo)
{
    public static NextStep From(Receipt receipt) => new(receipt.Code, receipt.Title, receipt.Icon, WhatsNext.ToGo(receipt));
}

/// <summary>A person's next step, read from their receipts in the current UI culture: what a celebration card shows below the award.</summary>
public sealed class NextStepReader(ReceiptService receipts)
{
    public async Task<NextStep?> ReadAsync(string userId, CancellationToken cancellationToken = default) =>
        WhatsNext.Nearest(await receipts.ListAsync(userId, cancellationToken)) is { } nearest ? NextStep.From(nearest) : null;
}
