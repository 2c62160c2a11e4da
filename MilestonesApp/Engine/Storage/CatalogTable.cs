namespace MilestonesApp.Engine.Storage;

/// <summary>The <c>milestones</c> table and <c>catalog_version</c>, the version every change to it raises.</summary>
internal sealed class CatalogTable(SqlCommands commands)
{
    // The one row is Data.Entities.CatalogVersion.RowId.
    internal const string VersionSql = "SELECT version FROM catalog_version WHERE id = 1";

    /// <summary>The catalog's version, raised with every change to the milestones.</summary>
    public async Task<long> VersionAsync(CancellationToken cancellationToken) =>
        SqlCommands.ToInt64(await commands.Command(VersionSql).ExecuteScalarAsync(cancellationToken));

    /// <summary>The stored definitions with their ids, in id order: the active ones only, or all.</summary>
    public async Task<IReadOnlyList<(int Id, MilestoneDefinition Definition, long ChangedInVersion)>> MilestonesAsync(bool activeOnly, CancellationToken cancellationToken)
    {
        var command = commands.Command($"""
            SELECT id, code, title, description, icon, trigger_event, rule_type, rule_data, is_active, animation_kind, animation_data, changed_in_version, state
            FROM milestones {(activeOnly ? "WHERE is_active" : "")} ORDER BY id
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var milestones = new List<(int, MilestoneDefinition, long)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            milestones.Add((reader.GetInt32(0), new MilestoneDefinition(
                reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5),
                reader.GetString(6), reader.GetString(7), reader.GetBoolean(8), Enum.Parse<AnimationKind>(reader.GetString(9)),
                reader.IsDBNull(10) ? null : reader.GetString(10)) { State = Enum.Parse<MilestoneState>(reader.GetString(12)) },
                reader.GetInt64(11)));
        }

        return milestones;
    }
}
