using System.Data.Common;
using System.Globalization;

namespace MilestonesApp.Engine.Storage;

/// <summary>
/// The plumbing every engine statement shares: one connection, the transaction statements run in, and a cache of
/// commands. Each statement's command is created once per connection and reused: Microsoft.Data.Sqlite compiles SQL per
/// command object, and compiling cost more than running on the hot path. Used by one caller at a time.
/// </summary>
internal sealed class SqlCommands(DbConnection connection, DbTransaction? transaction)
{
    private readonly Dictionary<string, DbCommand> commands = new(StringComparer.Ordinal);

    public DbConnection Connection => connection;

    /// <summary>
    /// The transaction the statements run in; commands kept with their connection move on to each write's transaction.
    /// Null for reads outside any transaction, and on SQLite's group commit, which begins and commits in SQL.
    /// </summary>
    public DbTransaction? Transaction { get; set; } = transaction;

    /// <summary>Runs a statement without parameters or rows, such as the group-commit writer's transaction control.</summary>
    public Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken) => Command(sql).ExecuteNonQueryAsync(cancellationToken);

    /// <summary>
    /// The statement's command, created on first use, in the current transaction with the given values bound by
    /// position: a call allocates no array and looks up no parameter by name.
    /// </summary>
    public DbCommand Command(string sql, params ReadOnlySpan<(string Name, object? Value)> parameters)
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

    public static long ToInt64(object? value) => Convert.ToInt64(value, CultureInfo.InvariantCulture);

    public static DateTimeOffset Time(DbDataReader reader, int ordinal) => DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(ordinal));

    public static DateTimeOffset? NullableTime(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : Time(reader, ordinal);
}
