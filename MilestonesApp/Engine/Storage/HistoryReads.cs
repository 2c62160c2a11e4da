using System.Data.Common;
using MilestonesApp.Engine.Rules;

namespace MilestonesApp.Engine.Storage;

/// <summary>
/// Reads of one user's events of one type in time order, each on the (user_id, event_type, occurred_at) index: what
/// rules look at, through <see cref="SqlUserHistory"/>.
/// </summary>
internal sealed class HistoryReads(SqlCommands commands)
{
    // The benchmarks check that this query's plan stays on the (user_id, event_type, occurred_at) index (B3).
    internal const string CountEventsSql = """
        SELECT count(*) FROM events
        WHERE user_id = @user_id AND event_type = @event_type AND occurred_at >= @from AND occurred_at <= @to
        """;

    public async Task<int> CountAsync(string userId, string eventType, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var command = commands.Command(CountEventsSql,
            ("user_id", userId), ("event_type", eventType),
            ("from", from.ToUnixTimeMilliseconds()), ("to", to.ToUnixTimeMilliseconds()));
        return (int)SqlCommands.ToInt64(await command.ExecuteScalarAsync(cancellationToken));
    }

    public async Task<IReadOnlyList<RecordedEvent>> AllAsync(string userId, string eventType, CancellationToken cancellationToken)
    {
        var command = commands.Command("""
            SELECT id, occurred_at FROM events
            WHERE user_id = @user_id AND event_type = @event_type
            ORDER BY occurred_at, id
            """,
            ("user_id", userId), ("event_type", eventType));
        return await ReadAsync(command, eventType, cancellationToken);
    }

    /// <summary>The <paramref name="position"/>-th event of the type in time order (from 1), reading that many index entries.</summary>
    public async Task<RecordedEvent?> NthAsync(string userId, string eventType, int position, CancellationToken cancellationToken)
    {
        var command = commands.Command("""
            SELECT id, occurred_at FROM events
            WHERE user_id = @user_id AND event_type = @event_type
            ORDER BY occurred_at, id
            LIMIT 1 OFFSET @skipped
            """,
            ("user_id", userId), ("event_type", eventType), ("skipped", position - 1));
        return (await ReadAsync(command, eventType, cancellationToken)).SingleOrDefault();
    }

    /// <summary>The events of the type that occurred in [from, to], both ends included, oldest first.</summary>
    public async Task<IReadOnlyList<RecordedEvent>> BetweenAsync(
        string userId, string eventType, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var command = commands.Command("""
            SELECT id, occurred_at FROM events
            WHERE user_id = @user_id AND event_type = @event_type AND occurred_at >= @from AND occurred_at <= @to
            ORDER BY occurred_at, id
            """,
            ("user_id", userId), ("event_type", eventType),
            ("from", from.ToUnixTimeMilliseconds()), ("to", to.ToUnixTimeMilliseconds()));
        return await ReadAsync(command, eventType, cancellationToken);
    }

    // The first condition bounds the index range; the second orders ties at the same millisecond by id.
    public async Task<RecordedEvent?> NextAsync(string userId, string eventType, RecordedEvent after, CancellationToken cancellationToken)
    {
        var command = commands.Command("""
            SELECT id, occurred_at FROM events
            WHERE user_id = @user_id AND event_type = @event_type
              AND occurred_at >= @occurred_at AND (occurred_at > @occurred_at OR id > @id)
            ORDER BY occurred_at, id
            LIMIT 1
            """,
            ("user_id", userId), ("event_type", eventType), ("occurred_at", after.OccurredAt.ToUnixTimeMilliseconds()), ("id", after.Id));
        return (await ReadAsync(command, eventType, cancellationToken)).SingleOrDefault();
    }

    public async Task<RecordedEvent?> PreviousAsync(string userId, string eventType, RecordedEvent before, CancellationToken cancellationToken)
    {
        var command = commands.Command("""
            SELECT id, occurred_at FROM events
            WHERE user_id = @user_id AND event_type = @event_type
              AND occurred_at <= @occurred_at AND (occurred_at < @occurred_at OR id < @id)
            ORDER BY occurred_at DESC, id DESC
            LIMIT 1
            """,
            ("user_id", userId), ("event_type", eventType), ("occurred_at", before.OccurredAt.ToUnixTimeMilliseconds()), ("id", before.Id));
        return (await ReadAsync(command, eventType, cancellationToken)).SingleOrDefault();
    }

    private static async Task<List<RecordedEvent>> ReadAsync(DbCommand command, string eventType, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var events = new List<RecordedEvent>();
        while (await reader.ReadAsync(cancellationToken))
        {
            events.Add(new RecordedEvent(reader.GetInt64(0), eventType, SqlCommands.Time(reader, 1)));
        }

        return events;
    }
}
