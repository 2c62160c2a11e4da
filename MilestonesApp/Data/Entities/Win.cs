namespace MilestonesApp.Data.Entities;

/// <summary>A row of <c>wins</c>: the text a person logged, tied to the <c>WinLogged</c> event that counted it.</summary>
public sealed class Win
{
    public long Id { get; set; }
    public required string UserId { get; set; }
    public required string Text { get; set; }
    public DateTimeOffset LoggedAt { get; set; }

    /// <summary>The engine's event for this win; unique, so a retried submission stores the text once.</summary>
    public long EventId { get; set; }
}
