namespace MilestonesApp.Application.Receipts;

/// <summary>
/// One milestone on the receipts page, texts in the current UI culture. Earned ones carry <see cref="AchievedAt"/>
/// (in the person's time zone) and <see cref="AwardedAt"/>; unearned ones carry their honest progress.
/// </summary>
public sealed record Receipt(
    string Code, string Title, string Description, string Icon, DateTimeOffset? AchievedAt, ReceiptProgress? Progress,
    DateTimeOffset? AwardedAt = null)
{
    public bool IsEarned => AchievedAt is not null;
}

/// <summary>How far an unearned milestone has come, in the terms of its rule.</summary>
public abstract record ReceiptProgress;

/// <summary><c>count</c>: the counter's value against the threshold.</summary>
public sealed record CountProgress(long Value, int Threshold) : ReceiptProgress
{
    public double Percent => Math.Min(100, 100.0 * Value / Threshold);
}

/// <summary><c>window_count</c>: the events in the window ending now against the count needed.</summary>
public sealed record WindowProgress(int InWindow, int Count, int WindowDays) : ReceiptProgress
{
    public double Percent => Math.Min(100, 100.0 * InWindow / Count);
}

/// <summary><c>return_after_gap</c>: nothing to measure, only what it takes.</summary>
public sealed record ReturnProgress(int GapDays) : ReceiptProgress;
