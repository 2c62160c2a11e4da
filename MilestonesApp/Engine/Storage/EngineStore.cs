using System.Data.Common;
using MilestonesApp.Engine.Rules;

namespace MilestonesApp.Engine.Storage;

/// <summary>
/// The engine's statements, sent as plain SQL on the open transaction: EF Core's change tracking costs several times
/// the raw write on this path. Uses only SQL that SQLite and PostgreSQL both accept (ON CONFLICT, RETURNING).
/// Each statement's command is created once per store and reused: Microsoft.Data.Sqlite compiles SQL per command
/// object, and compiling cost more than running on the hot path. A store is used by one caller at a time.
/// </summary>
internal sealed class EngineStore(DbConnection connection, DbTransaction? transaction)
{
    // The benchmarks use these texts too: the first two are the raw floor the engine is measured against (B0), the
    // third is the window query whose plan must stay on the (user_id, event_type, occurred_at) index (B3).
    internal const string InsertEventSql = """
        INSERT INTO events (user_id, event_type, occurred_at, metadata, idempotency_key, recorded_at)
        VALUES (@user_id, @event_type, @occurred_at, @metadata, @idempotency_key, @recorded_at)
        ON CONFLICT (user_id, idempotency_key) DO NOTHING
        RETURNING id
        """;

    // Besides the row and its catch-up mark, it returns what evaluating the event needs first: the catalog version and
    // the milestones the user holds, so an event runs no statements of its own for them. On PostgreSQL the subqueries
    // see the statement's snapshot, which may miss an award committed by a writer this one waited for on the row lock:
    // the unique constraint still refuses a second award (see TryInsertAwardAsync), so that costs only an evaluation.
    internal const string ApplyStatsSql = $"""
        INSERT INTO user_stats (user_id, login_count, total_wins, total_habits_completed, last_login_at, last_activity_at)
        VALUES (@user_id, @login_count, @total_wins, @total_habits_completed, @last_login_at, @last_activity_at)
        ON CONFLICT (user_id) DO UPDATE SET
            login_count = user_stats.login_count + excluded.login_count,
            total_wins = user_stats.total_wins + excluded.total_wins,
            total_habits_completed = user_stats.total_habits_completed + excluded.total_habits_completed,
            last_login_at = CASE WHEN user_stats.last_login_at IS NULL OR excluded.last_login_at > user_stats.last_login_at
                THEN excluded.last_login_at ELSE user_stats.last_login_at END,
            last_activity_at = CASE WHEN user_stats.last_activity_at IS NULL OR excluded.last_activity_at > user_stats.last_activity_at
                THEN excluded.last_activity_at ELSE user_stats.last_activity_at END
        RETURNING login_count, total_wins, total_habits_completed, last_login_at, last_activity_at, evaluated_version, evaluated_through,
            ({CatalogVersionSql}),
            (SELECT string_agg(CAST(milestone_id AS TEXT), ',') FROM user_milestones WHERE user_milestones.user_id = @user_id)
        """;

    // The one row is Data.Entities.CatalogVersion.RowId.
    private const string CatalogVersionSql = "SELECT version FROM catalog_version WHERE id = 1";

    internal const string CountEventsSql = """
        SELECT count(*) FROM events
        WHERE user_id = @user_id AND event_type = @event_type AND occurred_at >= @from AND occurred_at <= @to
        """;

    private readonly Dictionary<string, DbCommand> commands = new(StringComparer.Ordinal);

    /// <summary>
    /// The transaction the statements run in; a store kept with its connection moves on to each event's transaction.
    /// Null for reads outside any transaction.
    /// </summary>
    public DbTransaction? Transaction { get; set; } = transaction;

    /// <summary>The catalog's version, raised with every change to the milestones (<c>catalog_version</c>).</summary>
    public async Task<long> CatalogVersionAsync(CancellationToken cancellationToken)
    {
        var command = Command(CatalogVersionSql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The stored definitions with their ids, in id order: the active ones only, or all.</summary>
    public async Task<IReadOnlyList<(int Id, MilestoneDefinition Definition, long ChangedInVersion)>> MilestonesAsync(bool activeOnly, CancellationToken cancellationToken)
    {
        var command = Command($"""
            SELECT id, code, title, description, icon, trigger_event, rule_type, rule_data, is_active, animation_kind, animation_data, changed_in_version
            FROM milestones {(activeOnly ? "WHERE is_active" : "")} ORDER BY id
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var milestones = new List<(int, MilestoneDefinition, long)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            milestones.Add((reader.GetInt32(0), new MilestoneDefinition(
                reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5),
                reader.GetString(6), reader.GetString(7), reader.GetBoolean(8), Enum.Parse<AnimationKind>(reader.GetString(9)),
                reader.IsDBNull(10) ? null : reader.GetString(10)),
                reader.GetInt64(11)));
        }

        return milestones;
    }

    /// <summary>Inserts the event; returns its id, or null when its idempotency key is already stored for the user.</summary>
    public async Task<long?> TryInsertEventAsync(DomainEvent domainEvent, string? metadata, DateTimeOffset recordedAt, CancellationToken cancellationToken)
    {
        var command = Command(InsertEventSql,
            ("user_id", domainEvent.UserId),
            ("event_type", domainEvent.EventType),
            ("occurred_at", domainEvent.OccurredAt.ToUnixTimeMilliseconds()),
            ("metadata", metadata),
            ("idempotency_key", domainEvent.IdempotencyKey),
            ("recorded_at", recordedAt.ToUnixTimeMilliseconds()));
        return await command.ExecuteScalarAsync(cancellationToken) is { } id ? Convert.ToInt64(id, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    /// <summary>The event stored under the user's idempotency key, which a retry must repeat.</summary>
    public async Task<StoredEvent> EventForKeyAsync(string userId, string idempotencyKey, CancellationToken cancellationToken)
    {
        var command = Command(
            "SELECT id, event_type, occurred_at, metadata FROM events WHERE user_id = @user_id AND idempotency_key = @idempotency_key",
            ("user_id", userId), ("idempotency_key", idempotencyKey));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new StoredEvent(
            reader.GetInt64(0), reader.GetString(1), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)), reader.IsDBNull(3) ? null : reader.GetString(3));
    }

    /// <summary>
    /// Adds the event's delta to the stats row with one atomic upsert; returns the row as it now stands, with the
    /// user's catch-up mark, the catalog version and the ids of the milestones the user holds.
    /// </summary>
    public async Task<AppliedStats> ApplyStatsAsync(string userId, StatsDelta delta, CancellationToken cancellationToken)
    {
        var command = Command(ApplyStatsSql,
            ("user_id", userId),
            ("login_count", delta.LoginCount),
            ("total_wins", delta.TotalWins),
            ("total_habits_completed", delta.TotalHabitsCompleted),
            ("last_login_at", delta.LastLoginAt?.ToUnixTimeMilliseconds()),
            ("last_activity_at", delta.LastActivityAt.ToUnixTimeMilliseconds()));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var held = new HashSet<int>();
        if (!reader.IsDBNull(8))
        {
            var ids = reader.GetString(8).AsSpan();
            foreach (var range in ids.Split(','))
            {
                held.Add(int.Parse(ids[range], System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return new AppliedStats(ReadStats(userId, reader), ReadMark(reader, 5), reader.GetInt64(7), held);
    }

    /// <summary>How far the user's catch-up reached, or null before their first complete one.</summary>
    public async Task<CatchUpMark?> CatchUpMarkAsync(string userId, CancellationToken cancellationToken)
    {
        var command = Command("SELECT evaluated_version, evaluated_through FROM user_stats WHERE user_id = @user_id", ("user_id", userId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadMark(reader, 0) : null;
    }

    private static CatchUpMark? ReadMark(DbDataReader reader, int first) =>
        reader.IsDBNull(first) || reader.IsDBNull(first + 1)
            ? null
            : new CatchUpMark(reader.GetInt64(first), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(first + 1)));

    /// <summary>
    /// Stores <paramref name="reached"/> as the user's catch-up mark if the stats row is still as the catch-up read it
    /// (<paramref name="read"/>, <paramref name="readMark"/>: no event and no other catch-up since), and returns whether it
    /// was. A compare-and-set on the row, which also locks it until commit; the mark itself only ever moves forward.
    /// </summary>
    public async Task<bool> TryMarkCaughtUpAsync(UserStatsSnapshot read, CatchUpMark? readMark, CatchUpMark reached, CancellationToken cancellationToken)
    {
        var command = Command("""
            UPDATE user_stats SET
                evaluated_version = CASE WHEN evaluated_through IS NULL OR (evaluated_through <= @through AND evaluated_version <= @version)
                    THEN @version ELSE evaluated_version END,
                evaluated_through = CASE WHEN evaluated_through IS NULL OR (evaluated_through <= @through AND evaluated_version <= @version)
                    THEN @through ELSE evaluated_through END
            WHERE user_id = @user_id
              AND login_count = @login_count AND total_wins = @total_wins AND total_habits_completed = @total_habits_completed
              AND evaluated_version IS NOT DISTINCT FROM @read_version AND evaluated_through IS NOT DISTINCT FROM @read_through
            """,
            ("user_id", read.UserId),
            ("version", reached.Version),
            ("through", reached.Through.ToUnixTimeMilliseconds()),
            ("login_count", read.LoginCount),
            ("total_wins", read.TotalWins),
            ("total_habits_completed", read.TotalHabitsCompleted),
            ("read_version", readMark?.Version),
            ("read_through", readMark?.Through.ToUnixTimeMilliseconds()));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>Locks the user's stats row until commit, as an event's upsert does, so that no event of theirs comes between.</summary>
    public async Task LockStatsAsync(string userId, CancellationToken cancellationToken)
    {
        var command = Command("UPDATE user_stats SET login_count = login_count WHERE user_id = @user_id", ("user_id", userId));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The ids of the milestones the user holds, for work outside an event's transaction (which has them from its upsert).</summary>
    public async Task<HashSet<int>> HeldMilestoneIdsAsync(string userId, CancellationToken cancellationToken)
    {
        var command = Command("SELECT milestone_id FROM user_milestones WHERE user_id = @user_id", ("user_id", userId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var held = new HashSet<int>();
        while (await reader.ReadAsync(cancellationToken))
        {
            held.Add(reader.GetInt32(0));
        }

        return held;
    }

    /// <summary>Each held award's receipt: the event that proved it, by milestone id. Read only for a late event.</summary>
    public async Task<Dictionary<int, RecordedEvent>> HeldReceiptsAsync(string userId, CancellationToken cancellationToken)
    {
        var command = Command("""
            SELECT awards.milestone_id, awards.event_id, awards.achieved_at, proving.event_type
            FROM user_milestones awards LEFT JOIN events proving ON proving.id = awards.event_id
            WHERE awards.user_id = @user_id
            """,
            ("user_id", userId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var receipts = new Dictionary<int, RecordedEvent>();
        while (await reader.ReadAsync(cancellationToken))
        {
            receipts[reader.GetInt32(0)] = new RecordedEvent(
                reader.IsDBNull(1) ? 0 : reader.GetInt64(1),
                reader.IsDBNull(3) ? "" : reader.GetString(3),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)));
        }

        return receipts;
    }

    /// <summary>Each held award's receipt by the milestone's code: what a rule about other milestones reads.</summary>
    public async Task<Dictionary<string, RecordedEvent>> HeldReceiptsByCodeAsync(string userId, CancellationToken cancellationToken)
    {
        var command = Command("""
            SELECT listed.code, awards.event_id, awards.achieved_at, proving.event_type
            FROM user_milestones awards JOIN milestones listed ON listed.id = awards.milestone_id
                LEFT JOIN events proving ON proving.id = awards.event_id
            WHERE awards.user_id = @user_id
            """,
            ("user_id", userId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var receipts = new Dictionary<string, RecordedEvent>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            receipts[reader.GetString(0)] = new RecordedEvent(
                reader.IsDBNull(1) ? 0 : reader.GetInt64(1),
                reader.IsDBNull(3) ? "" : reader.GetString(3),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)));
        }

        return receipts;
    }

    /// <summary>
    /// Moves a held award's receipt to an earlier event that proves it: the one update of an award there is. The
    /// condition in SQL keeps it from ever moving later; awarded_at stays.
    /// </summary>
    public async Task MoveReceiptEarlierAsync(string userId, int milestoneId, RecordedEvent achievedBy, CancellationToken cancellationToken)
    {
        var command = Command("""
            UPDATE user_milestones SET event_id = @event_id, achieved_at = @achieved_at
            WHERE user_id = @user_id AND milestone_id = @milestone_id
              AND (achieved_at > @achieved_at OR (achieved_at = @achieved_at AND event_id > @event_id))
            """,
            ("user_id", userId),
            ("milestone_id", milestoneId),
            ("event_id", achievedBy.Id),
            ("achieved_at", achievedBy.OccurredAt.ToUnixTimeMilliseconds()));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Inserts the award unless the user already holds it. The unique (user_id, milestone_id) constraint decides,
    /// so of two racing writers exactly one is told it awarded.
    /// </summary>
    public async Task<bool> TryInsertAwardAsync(
        string userId, int milestoneId, RecordedEvent achievedBy, long? awardedByEventId, DateTimeOffset awardedAt, CancellationToken cancellationToken)
    {
        var command = Command("""
            INSERT INTO user_milestones (user_id, milestone_id, event_id, awarded_by_event_id, achieved_at, awarded_at)
            VALUES (@user_id, @milestone_id, @event_id, @awarded_by_event_id, @achieved_at, @awarded_at)
            ON CONFLICT (user_id, milestone_id) DO NOTHING
            RETURNING id
            """,
            ("user_id", userId),
            ("milestone_id", milestoneId),
            ("event_id", achievedBy.Id),
            ("awarded_by_event_id", awardedByEventId),
            ("achieved_at", achievedBy.OccurredAt.ToUnixTimeMilliseconds()),
            ("awarded_at", awardedAt.ToUnixTimeMilliseconds()));
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }

    /// <summary>The awards that recording the given event granted, with when each was granted, oldest first.</summary>
    public async Task<IReadOnlyList<(int MilestoneId, DateTimeOffset AwardedAt)>> AwardsGrantedByAsync(long eventId, CancellationToken cancellationToken)
    {
        var command = Command(
            "SELECT milestone_id, awarded_at FROM user_milestones WHERE awarded_by_event_id = @event_id ORDER BY id",
            ("event_id", eventId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var awards = new List<(int, DateTimeOffset)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            awards.Add((reader.GetInt32(0), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1))));
        }

        return awards;
    }

    public async Task<int> CountEventsAsync(string userId, string eventType, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var command = Command(CountEventsSql,
            ("user_id", userId), ("event_type", eventType),
            ("from", from.ToUnixTimeMilliseconds()), ("to", to.ToUnixTimeMilliseconds()));
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<IReadOnlyList<RecordedEvent>> EventsAsync(string userId, string eventType, CancellationToken cancellationToken)
    {
        var command = Command("""
            SELECT id, occurred_at FROM events
            WHERE user_id = @user_id AND event_type = @event_type
            ORDER BY occurred_at, id
            """,
            ("user_id", userId), ("event_type", eventType));
        return await ReadEventsAsync(command, eventType, cancellationToken);
    }

    /// <summary>The <paramref name="position"/>-th event of the type in time order (from 1), reading that many index entries.</summary>
    public async Task<RecordedEvent?> NthEventAsync(string userId, string eventType, int position, CancellationToken cancellationToken)
    {
        var command = Command("""
            SELECT id, occurred_at FROM events
            WHERE user_id = @user_id AND event_type = @event_type
            ORDER BY occurred_at, id
            LIMIT 1 OFFSET @skipped
            """,
            ("user_id", userId), ("event_type", eventType), ("skipped", position - 1));
        return (await ReadEventsAsync(command, eventType, cancellationToken)).SingleOrDefault();
    }

    /// <summary>The events of the type that occurred in [from, to], both ends included, oldest first.</summary>
    public async Task<IReadOnlyList<RecordedEvent>> EventsBetweenAsync(
        string userId, string eventType, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var command = Command("""
            SELECT id, occurred_at FROM events
            WHERE user_id = @user_id AND event_type = @event_type AND occurred_at >= @from AND occurred_at <= @to
            ORDER BY occurred_at, id
            """,
            ("user_id", userId), ("event_type", eventType),
            ("from", from.ToUnixTimeMilliseconds()), ("to", to.ToUnixTimeMilliseconds()));
        return await ReadEventsAsync(command, eventType, cancellationToken);
    }

    // The first condition bounds the index range; the second orders ties at the same millisecond by id.
    public async Task<RecordedEvent?> NextEventAsync(string userId, string eventType, RecordedEvent after, CancellationToken cancellationToken)
    {
        var command = Command("""
            SELECT id, occurred_at FROM events
            WHERE user_id = @user_id AND event_type = @event_type
              AND occurred_at >= @occurred_at AND (occurred_at > @occurred_at OR id > @id)
            ORDER BY occurred_at, id
            LIMIT 1
            """,
            ("user_id", userId), ("event_type", eventType), ("occurred_at", after.OccurredAt.ToUnixTimeMilliseconds()), ("id", after.Id));
        return (await ReadEventsAsync(command, eventType, cancellationToken)).SingleOrDefault();
    }

    public async Task<RecordedEvent?> PreviousEventAsync(string userId, string eventType, RecordedEvent before, CancellationToken cancellationToken)
    {
        var command = Command("""
            SELECT id, occurred_at FROM events
            WHERE user_id = @user_id AND event_type = @event_type
              AND occurred_at <= @occurred_at AND (occurred_at < @occurred_at OR id < @id)
            ORDER BY occurred_at DESC, id DESC
            LIMIT 1
            """,
            ("user_id", userId), ("event_type", eventType), ("occurred_at", before.OccurredAt.ToUnixTimeMilliseconds()), ("id", before.Id));
        return (await ReadEventsAsync(command, eventType, cancellationToken)).SingleOrDefault();
    }

    /// <summary>
    /// Awards the milestone, in one statement, to every user in [firstUser, lastUser] that the rule's query finds,
    /// unless they hold it already. Returns how many awards were inserted.
    /// </summary>
    public async Task<int> InsertFirstAchievementsAsync(
        int milestoneId, SetBasedQuery query, string firstUser, string lastUser, DateTimeOffset awardedAt, CancellationToken cancellationToken)
    {
        // "WHERE true" keeps SQLite from reading ON CONFLICT as a join constraint of the SELECT.
        var command = Command(
            $"""
            INSERT INTO user_milestones (user_id, milestone_id, event_id, awarded_by_event_id, achieved_at, awarded_at)
            SELECT achieved.user_id, @milestone_id, achieved.event_id, NULL, achieved.occurred_at, @awarded_at
            FROM ({query.Sql}) achieved
            WHERE true
            ON CONFLICT (user_id, milestone_id) DO NOTHING
            """,
            [("milestone_id", milestoneId), ("awarded_at", awardedAt.ToUnixTimeMilliseconds()),
             ("first_user", firstUser), ("last_user", lastUser), .. query.Parameters]);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Who in [firstUser, lastUser] was granted the milestone at that moment: the recipients of one backfill batch.</summary>
    public async Task<IReadOnlyList<string>> UsersAwardedAtAsync(
        int milestoneId, DateTimeOffset awardedAt, string firstUser, string lastUser, CancellationToken cancellationToken)
    {
        var command = Command("""
            SELECT user_id FROM user_milestones
            WHERE milestone_id = @milestone_id AND awarded_at = @awarded_at AND awarded_by_event_id IS NULL
              AND user_id BETWEEN @first_user AND @last_user
            """,
            ("milestone_id", milestoneId), ("awarded_at", awardedAt.ToUnixTimeMilliseconds()), ("first_user", firstUser), ("last_user", lastUser));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var users = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            users.Add(reader.GetString(0));
        }

        return users;
    }

    public async Task<UserStatsSnapshot> StatsAsync(string userId, CancellationToken cancellationToken)
    {
        var command = Command("""
            SELECT login_count, total_wins, total_habits_completed, last_login_at, last_activity_at
            FROM user_stats WHERE user_id = @user_id
            """,
            ("user_id", userId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadStats(userId, reader) : UserStatsSnapshot.Empty(userId);
    }

    private static UserStatsSnapshot ReadStats(string userId, DbDataReader reader) => new(
        userId,
        reader.GetInt64(0),
        reader.GetInt64(1),
        reader.GetInt64(2),
        reader.IsDBNull(3) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)),
        reader.IsDBNull(4) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)));

    private static async Task<List<RecordedEvent>> ReadEventsAsync(DbCommand command, string eventType, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var events = new List<RecordedEvent>();
        while (await reader.ReadAsync(cancellationToken))
        {
            events.Add(new RecordedEvent(reader.GetInt64(0), eventType, DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1))));
        }

        return events;
    }

    /// <summary>Runs a statement without parameters or rows, such as the group-commit writer's transaction control.</summary>
    public Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken) => Command(sql).ExecuteNonQueryAsync(cancellationToken);

    /// <summary>
    /// The statement's command, created on first use, in the current transaction with the given values bound by
    /// position: a call allocates no array and looks up no parameter by name.
    /// </summary>
    private DbCommand Command(string sql, params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        if (!commands.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.CommandText = sql;
            foreach (var (name, _) in parameters)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = "@" + name;
                command.Parameters.Add(parameter);
            }

            commands.Add(sql, command);
        }

        command.Transaction = Transaction;
        for (var i = 0; i < parameters.Length; i++)
        {
            command.Parameters[i].Value = parameters[i].Value ?? DBNull.Value;
        }

        return command;
    }
}
