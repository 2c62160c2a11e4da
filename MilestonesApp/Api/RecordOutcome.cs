namespace MilestonesApp.Api;

/// <summary>What became of one event sent to the API: recorded, refused as bad input, or a reused idempotency key.</summary>
internal abstract record RecordOutcome
{
    public sealed record Recorded(EventResponse Response) : RecordOutcome;

    public sealed record Invalid(IDictionary<string, string[]> Errors) : RecordOutcome;

    public sealed record KeyReused(string Detail) : RecordOutcome;
}
