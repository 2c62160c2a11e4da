namespace MilestonesApp.Application.Wins;

/// <summary>A logged win as the dashboard lists it; <see cref="LoggedAt"/> is in the person's time zone.</summary>
public sealed record WinEntry(long Id, string Text, DateTimeOffset LoggedAt);
