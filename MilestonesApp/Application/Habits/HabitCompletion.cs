using MilestonesApp.Engine;

namespace MilestonesApp.Application.Habits;

/// <summary>The answer to "mark done": whether the day already had it, and what to celebrate.</summary>
public sealed record HabitCompletion(bool AlreadyDone, IReadOnlyList<AwardedMilestone> Celebrate);
