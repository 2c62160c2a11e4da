namespace MilestonesApp.Engine;

/// <summary>A fact published after commit: the user now holds the milestone. Whoever shows it decides whether it was seen.</summary>
public sealed record AwardNotice(string UserId, string MilestoneCode);
