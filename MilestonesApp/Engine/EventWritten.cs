using MilestonesApp.Engine.Rules;

namespace MilestonesApp.Engine;

/// <summary>
/// What an event's transaction did: the event stored (or the original a duplicate repeats), the awards granted, the
/// login whose whole-history catch-up is left for after the commit, and the windows it counted, to remember once it has
/// committed.
/// </summary>
internal sealed record EventWritten(
    long EventId,
    bool WasDuplicate,
    IReadOnlyList<GrantedAward> Granted,
    RecordedEvent? CatchUpLeft,
    IReadOnlyList<(WindowKey Window, WindowCount Count)> WindowCounts);
