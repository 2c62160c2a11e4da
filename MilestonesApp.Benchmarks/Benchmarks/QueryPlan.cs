using MilestonesApp.Benchmarks.Fixtures;
using MilestonesApp.Engine.Storage;

namespace MilestonesApp.Benchmarks.Benchmarks;

/// <summary>What SQLite's planner does with the engine's window query, asked of the database itself.</summary>
internal static class QueryPlan
{
    public const string WindowIndex = "ix_events_user_id_event_type_occurred_at";

    public static async Task<string> OfWindowCountAsync(EngineFixture fixture)
    {
        await using var connection = await fixture.OpenRawConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + HistoryReads.CountEventsSql;
        foreach (var name in new[] { "@user_id", "@event_type", "@from", "@to" })
        {
            command.Parameters.AddWithValue(name, DBNull.Value);
        }

        await using var reader = await command.ExecuteReaderAsync();
        var steps = new List<string>();
        while (await reader.ReadAsync())
        {
            steps.Add(reader.GetString(3));
        }

        return string.Join("; ", steps);
    }
}
