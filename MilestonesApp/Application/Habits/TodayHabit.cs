namespace MilestonesApp.Application.Habits;

/// <summary>An active habit and whether it is done in the person's today.</summary>
public sealed record TodayHabit(long Id, string Name, bool DoneToday);
