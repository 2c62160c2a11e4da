namespace MilestonesApp.Engine.Rules;

/// <summary>
/// One user's log as a rule's specification reads it: the events of the types it reads, in time order (ties at one
/// instant by id), and, for a rule about other milestones, the receipts of those the user holds, by code.
/// </summary>
public sealed record UserLog(IReadOnlyList<RecordedEvent> Events, IReadOnlyDictionary<string, RecordedEvent> Held)
{
    public static UserLog Of(IReadOnlyList<RecordedEvent> events) => new(events, new Dictionary<string, RecordedEvent>());
}
