using MilestonesApp.Engine.Rules;

namespace MilestonesApp.Application.Receipts;

/// <summary>
/// One milestone on the receipts page, texts in the current UI culture. Earned ones carry <see cref="AchievedAt"/>
/// (in the person's time zone) and <see cref="AwardedAt"/>; unearned ones carry their honest progress, as their rule tells it.
/// </summary>
public sealed record Receipt(
    string Code, string Title, string Description, string Icon, DateTimeOffset? AchievedAt, RuleProgress? Progress,
    DateTimeOffset? AwardedAt = null)
{
    /// <summary>The milestone's rule type, which <see cref="Progress"/> speaks for.</summary>
    public string RuleType { get; init; } = "";

    public bool IsEarned => AchievedAt is not null;
}
