using MilestonesApp.Engine.Rules;

namespace MilestonesApp.Engine.Storage;

/// <summary>
/// The <c>user_milestones</c> table: who holds what, and each award's receipt (the event that proved it). Rows are
/// inserted, never deleted; the unique (user_id, milestone_id) constraint is what prevents a double award.
/// </summary>
internal sealed class AwardTable(SqlCommands commands)
{
    /// <summary>
    /// Inserts the award unless the user already holds it. The unique (user_id, milestone_id) constraint decides,
    /// so of two racing writers exactly one is told it awarded.
    /// </summary>
    public async Task<bool> TryInsertAsync(
        string userId, int milestoneId, RecordedEvent achievedBy, long? awardedByEventId, DateTimeOffset awardedAt, CancellationToken cancellationToken)
    {
        var command = commands.Command("""
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

    /// <summary>
    /// The user's award rows, oldest first. Backfilled: no event granted it (a backfill's insert leaves
    /// awarded_by_event_id null; events and logins always name theirs).
    /// </summary>
    public async Task<IReadOnlyList<(long Id, int MilestoneId, DateTimeOffset AchievedAt, DateTimeOffset AwardedAt, bool Backfilled)>> OfUserAsync(
        string userId, CancellationToken cancellationToken)
    {
        var command = commands.Command(
            "SELECT id, milestone_id, achieved_at, awarded_at, awarded_by_event_id FROM user_milestones WHERE user_id = @user_id ORDER BY id",
            ("user_id", userId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var awards = new List<(long, int, DateTimeOffset, DateTimeOffset, bool)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            awards.Add((reader.GetInt64(0), reader.GetInt32(1), SqlCommands.Time(reader, 2), SqlCommands.Time(reader, 3), reader.IsDBNull(4)));
        }

        return awards;
    }

    /// <summary>The ids of the milestones the user holds, for work outside an event's transaction (which has them from its upsert).</summary>
    public async Task<HashSet<int>> HeldMilestoneIdsAsync(string userId, CancellationToken cancellationToken)
    {
        var command = commands.Command("SELECT milestone_id FROM user_milestones WHERE user_id = @user_id", ("user_id", userId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var held = new HashSet<int>();
        while (await reader.ReadAsync(cancellationToken))
        {
            held.Add(reader.GetInt32(0));
        }

        return held;
    }

    /// <summary>Each held award's receipt: the event that proved it, by milestone id. Read only for a late event.</summary>
    public async Task<Dictionary<int, RecordedEvent>> HeldReceiptsAsync(string userId, CancellationToken cancellationToken) =>
        (await ReceiptsAsync(userId, cancellationToken)).ToDictionary(held => held.MilestoneId, held => held.Receipt);

    /// <summary>Each held award's receipt by the milestone's code: what a rule about other milestones reads.</summary>
    public async Task<Dictionary<string, RecordedEvent>> HeldReceiptsByCodeAsync(string userId, CancellationToken cancellationToken) =>
        (await ReceiptsAsync(userId, cancellationToken)).ToDictionary(held => held.Code, held => held.Receipt, StringComparer.Ordinal);

    private async Task<List<(int MilestoneId, string Code, RecordedEvent Receipt)>> ReceiptsAsync(string userId, CancellationToken cancellationToken)
    {
        var command = commands.Command("""
            SELECT awards.milestone_id, listed.code, awards.event_id, awards.achieved_at, proving.event_type
            FROM user_milestones awards JOIN milestones listed ON listed.id = awards.milestone_id
                LEFT JOIN events proving ON proving.id = awards.event_id
            WHERE awards.user_id = @user_id
            """,
            ("user_id", userId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var receipts = new List<(int, string, RecordedEvent)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            receipts.Add((reader.GetInt32(0), reader.GetString(1), new RecordedEvent(
                reader.IsDBNull(2) ? 0 : reader.GetInt64(2), reader.IsDBNull(4) ? "" : reader.GetString(4), SqlCommands.Time(reader, 3))));
        }

        return receipts;
    }

    /// <summary>
    /// Moves a held award's receipt to an earlier event that proves it: the one update of an award there is. The
    /// condition in SQL keeps it from ever moving later; awarded_at stays.
    /// </summary>
    public async Task MoveReceiptEarlierAsync(string userId, int milestoneId, RecordedEvent achievedBy, CancellationToken cancellationToken)
    {
        var command = commands.Command("""
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

    /// <summary>The awards that recording the given event granted, with when each was granted and achieved, oldest first.</summary>
    public async Task<IReadOnlyList<(int MilestoneId, DateTimeOffset AwardedAt, DateTimeOffset AchievedAt)>> GrantedByAsync(
        long eventId, CancellationToken cancellationToken)
    {
        var command = commands.Command(
            "SELECT milestone_id, awarded_at, achieved_at FROM user_milestones WHERE awarded_by_event_id = @event_id ORDER BY id",
            ("event_id", eventId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var awards = new List<(int, DateTimeOffset, DateTimeOffset)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            awards.Add((reader.GetInt32(0), SqlCommands.Time(reader, 1), SqlCommands.Time(reader, 2)));
        }

        return awards;
    }

    /// <summary>
    /// Awards the milestone, in one statement, to every user in [firstUser, lastUser] that the rule's query finds,
    /// unless they hold it already. Returns the users this statement awarded: read from its own RETURNING, so a batch
    /// another node runs over the same users in the same millisecond is never counted twice.
    /// </summary>
    public async Task<IReadOnlyList<string>> InsertFirstAchievementsAsync(
        int milestoneId, SetBasedQuery query, string firstUser, string lastUser, DateTimeOffset awardedAt, CancellationToken cancellationToken)
    {
        // "WHERE true" keeps SQLite from reading ON CONFLICT as a join constraint of the SELECT.
        var command = commands.Command(
            $"""
            INSERT INTO user_milestones (user_id, milestone_id, event_id, awarded_by_event_id, achieved_at, awarded_at)
            SELECT achieved.user_id, @milestone_id, achieved.event_id, NULL, achieved.occurred_at, @awarded_at
            FROM ({query.Sql}) achieved
            WHERE true
            ON CONFLICT (user_id, milestone_id) DO NOTHING
            RETURNING user_id
            """,
            [("milestone_id", milestoneId), ("awarded_at", awardedAt.ToUnixTimeMilliseconds()),
             ("first_user", firstUser), ("last_user", lastUser), .. query.Parameters]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var users = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            users.Add(reader.GetString(0));
        }

        return users;
    }

    /// <summary>
    /// Every user in [firstUser, lastUser] that the rule's query finds, with whether they hold the milestone already:
    /// what <see cref="InsertFirstAchievementsAsync"/> would insert, read without writing (an impact preview).
    /// </summary>
    public async Task<IReadOnlyList<(string UserId, bool Holds)>> FirstAchievementsAsync(
        int milestoneId, SetBasedQuery query, string firstUser, string lastUser, CancellationToken cancellationToken)
    {
        var command = commands.Command(
            $"""
            SELECT achieved.user_id,
                   CASE WHEN EXISTS (SELECT 1 FROM user_milestones held WHERE held.user_id = achieved.user_id AND held.milestone_id = @milestone_id)
                        THEN 1 ELSE 0 END
            FROM ({query.Sql}) achieved
            """,
            [("milestone_id", milestoneId), ("first_user", firstUser), ("last_user", lastUser), .. query.Parameters]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var users = new List<(string, bool)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            users.Add((reader.GetString(0), reader.GetInt32(1) == 1));
        }

        return users;
    }

    /// <summary>How many users hold the milestone.</summary>
    public async Task<int> HolderCountAsync(int milestoneId, CancellationToken cancellationToken) =>
        (int)SqlCommands.ToInt64(await commands.Command(
            "SELECT COUNT(*) FROM user_milestones WHERE milestone_id = @milestone_id", ("milestone_id", milestoneId)).ExecuteScalarAsync(cancellationToken));
}
