using System.Data.Common;
using System.Globalization;

namespace MilestonesApp.Engine.Storage;

/// <summary>The <c>user_stats</c> table: each user's counters, kept by atomic upserts, and their catch-up mark.</summary>
internal sealed class StatsTable(SqlCommands commands)
{
    // Besides the row and its catch-up mark, it returns what evaluating the event needs first: the catalog version and
    // the milestones the user holds, so an event runs no statements of its own for them. On PostgreSQL the subqueries
    // see the statement's snapshot, which may miss an award committed by a writer this one waited for on the row lock:
    // the unique constraint still refuses a second award (see AwardTable.TryInsertAsync), so that costs only an evaluation.
    // The benchmarks keep a copy of the upsert: it is the raw floor the engine is measured against (B0).
    internal const string ApplyStatsSql = $"""
        INSERT INTO user_stats ({InsertedColumns})
        VALUES (@user_id, @login_count, @total_wins, @total_habits_completed, @last_login_at, @last_activity_at)
        {UpsertSql}
        """;

    internal const string InsertedColumns = "user_id, login_count, total_wins, total_habits_completed, last_login_at, last_activity_at";

    /// <summary>The upsert's conflict clause and what it returns, for a provider's variant of the statement (read by <see cref="ReadApplied"/>).</summary>
    internal const string UpsertSql = $"""
        ON CONFLICT (user_id) DO UPDATE SET
            login_count = user_stats.login_count + excluded.login_count,
            total_wins = user_stats.total_wins + excluded.total_wins,
            total_habits_completed = user_stats.total_habits_completed + excluded.total_habits_completed,
            last_login_at = CASE WHEN user_stats.last_login_at IS NULL OR excluded.last_login_at > user_stats.last_login_at
                THEN excluded.last_login_at ELSE user_stats.last_login_at END,
            last_activity_at = CASE WHEN user_stats.last_activity_at IS NULL OR excluded.last_activity_at > user_stats.last_activity_at
                THEN excluded.last_activity_at ELSE user_stats.last_activity_at END
        RETURNING login_count, total_wins, total_habits_completed, last_login_at, last_activity_at, evaluated_version, evaluated_through,
            ({CatalogTable.VersionSql}) AS catalog_version,
            (SELECT string_agg(CAST(milestone_id AS TEXT), ',') FROM user_milestones WHERE user_milestones.user_id = @user_id) AS held
        """;

    /// <summary>
    /// Adds the event's delta to the stats row with one atomic upsert; returns the row as it now stands, with the
    /// user's catch-up mark, the catalog version and the ids of the milestones the user holds.
    /// </summary>
    public async Task<AppliedStats> ApplyAsync(string userId, StatsDelta delta, CancellationToken cancellationToken)
    {
        var command = commands.Command(ApplyStatsSql,
            ("user_id", userId),
            ("login_count", delta.LoginCount),
            ("total_wins", delta.TotalWins),
            ("total_habits_completed", delta.TotalHabitsCompleted),
            ("last_login_at", delta.LastLoginAt?.ToUnixTimeMilliseconds()),
            ("last_activity_at", delta.LastActivityAt.ToUnixTimeMilliseconds()));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return ReadApplied(userId, reader, first: 0);
    }

    /// <summary>The columns <see cref="UpsertSql"/> returns, from <paramref name="first"/> on.</summary>
    internal static AppliedStats ReadApplied(string userId, DbDataReader reader, int first)
    {
        var held = new HashSet<int>();
        if (!reader.IsDBNull(first + 8))
        {
            var ids = reader.GetString(first + 8).AsSpan();
            foreach (var range in ids.Split(','))
            {
                held.Add(int.Parse(ids[range], CultureInfo.InvariantCulture));
            }
        }

        return new AppliedStats(ReadStats(userId, reader, first), ReadMark(reader, first + 5), reader.GetInt64(first + 7), held);
    }

    public async Task<UserStatsSnapshot> ReadAsync(string userId, CancellationToken cancellationToken)
    {
        var command = commands.Command("""
            SELECT login_count, total_wins, total_habits_completed, last_login_at, last_activity_at
            FROM user_stats WHERE user_id = @user_id
            """,
            ("user_id", userId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadStats(userId, reader) : UserStatsSnapshot.Empty(userId);
    }

    /// <summary>Every user with a stats row: everyone who has recorded an event.</summary>
    public async Task<List<string>> UserIdsAsync(CancellationToken cancellationToken)
    {
        await using var reader = await commands.Command("SELECT user_id FROM user_stats").ExecuteReaderAsync(cancellationToken);
        var users = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            users.Add(reader.GetString(0));
        }

        return users;
    }

    /// <summary>How far the user's catch-up reached, or null before their first complete one.</summary>
    public async Task<CatchUpMark?> CatchUpMarkAsync(string userId, CancellationToken cancellationToken)
    {
        var command = commands.Command("SELECT evaluated_version, evaluated_through FROM user_stats WHERE user_id = @user_id", ("user_id", userId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadMark(reader, 0) : null;
    }

    /// <summary>
    /// Stores <paramref name="reached"/> as the user's catch-up mark if the stats row is still as the catch-up read it
    /// (<paramref name="read"/>, <paramref name="readMark"/>: no event and no other catch-up since), and returns whether it
    /// was. A compare-and-set on the row, which also locks it until commit; the mark itself only ever moves forward.
    /// </summary>
    public async Task<bool> TryMarkCaughtUpAsync(UserStatsSnapshot read, CatchUpMark? readMark, CatchUpMark reached, CancellationToken cancellationToken)
    {
        var command = commands.Command("""
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
    public async Task LockAsync(string userId, CancellationToken cancellationToken)
    {
        var command = commands.Command("UPDATE user_stats SET login_count = login_count WHERE user_id = @user_id", ("user_id", userId));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static CatchUpMark? ReadMark(DbDataReader reader, int first) =>
        reader.IsDBNull(first) || reader.IsDBNull(first + 1) ? null : new CatchUpMark(reader.GetInt64(first), SqlCommands.Time(reader, first + 1));

    private static UserStatsSnapshot ReadStats(string userId, DbDataReader reader, int first = 0) => new(
        userId, reader.GetInt64(first), reader.GetInt64(first + 1), reader.GetInt64(first + 2),
        SqlCommands.NullableTime(reader, first + 3), SqlCommands.NullableTime(reader, first + 4));
}
