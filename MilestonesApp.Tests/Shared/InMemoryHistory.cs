using MilestonesApp.Engine.Rules;

namespace MilestonesApp.Tests.Shared;

/// <summary>One user's history in memory, queried by brute force: what a rule's specification runs over in tests.</summary>
internal sealed class InMemoryHistory(IReadOnlyList<RecordedEvent> events, IReadOnlyDictionary<string, RecordedEvent>? held = null) : IUserHistory
{
    private IEnumerable<RecordedEvent> Ordered(string type) =>
        events.Where(e => e.EventType == type).Order(Comparer<RecordedEvent>.Create((a, b) => a.IsBefore(b) ? -1 : b.IsBefore(a) ? 1 : 0));

    public Task<int> CountAsync(string eventType, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        Task.FromResult(Ordered(eventType).Count(e => e.OccurredAt >= from && e.OccurredAt <= to));

    public async Task<bool> CountReachesAsync(string eventType, DateTimeOffset from, DateTimeOffset to, int count, CancellationToken cancellationToken) =>
        await CountAsync(eventType, from, to, cancellationToken) >= count;

    public Task<IReadOnlyList<RecordedEvent>> UpToAsync(string eventType, DateTimeOffset upTo, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<RecordedEvent>>([.. Ordered(eventType).Where(e => e.OccurredAt <= upTo)]);

    public Task<IReadOnlyList<RecordedEvent>> BetweenAsync(string eventType, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<RecordedEvent>>([.. Ordered(eventType).Where(e => e.OccurredAt >= from && e.OccurredAt <= to)]);

    public Task<RecordedEvent?> NthAsync(string eventType, int position, CancellationToken cancellationToken) =>
        Task.FromResult(Ordered(eventType).Skip(position - 1).FirstOrDefault());

    public Task<RecordedEvent?> NextAsync(string eventType, RecordedEvent after, CancellationToken cancellationToken) =>
        Task.FromResult(Ordered(eventType).FirstOrDefault(after.IsBefore));

    public Task<RecordedEvent?> PreviousAsync(string eventType, RecordedEvent before, CancellationToken cancellationToken) =>
        Task.FromResult(Ordered(eventType).LastOrDefault(e => e.IsBefore(before)));

    public Task<IReadOnlyDictionary<string, RecordedEvent>> HeldReceiptsAsync(CancellationToken cancellationToken) =>
        Task.FromResult(held ?? new Dictionary<string, RecordedEvent>());
}
