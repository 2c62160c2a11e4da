using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using MilestonesApp.Data;
using MilestonesApp.Engine;
using MilestonesApp.Engine.Rules;
using MilestonesApp.Tests.Shared;

namespace MilestonesApp.Tests.Data;

public sealed class MilestoneSeedTests
{
    private static readonly MilestoneDefinition Wins = TestMilestones.Count("seed_wins_3", StatsCounters.TotalWins, 3);
    private static readonly MilestoneDefinition Habits = TestMilestones.WindowCount("seed_habits_3_in_7", EventTypes.HabitCompleted, 3, 7);
    private static readonly MilestoneDefinition Back = TestMilestones.ReturnAfterGap("seed_back_after_30", 30);

    [Fact]
    public async Task The_shipped_seed_covers_every_rule_type_and_event_type()
    {
        await using var host = await EngineHost.StartAsync();

        var seeded = await host.Catalog.ListAsync(TestContext.Current.CancellationToken);

        Assert.True(seeded.Count >= 12, $"The seed holds {seeded.Count} milestones.");
        Assert.Equal(RuleTypes.Names.Order(), seeded.Select(m => m.RuleType).Distinct().Order());
        Assert.Equal(EventTypes.All.Order(), seeded.Select(m => m.TriggerEvent).Distinct().Order());
    }

    [Fact]
    public async Task Start_up_inserts_the_seed_entries()
    {
        using var database = new TemporarySqliteDatabase();
        var seedFile = WriteSeed(database, Wins, Habits with { Animation = AnimationKind.Webm, AnimationData = "media/trophy.webm" });

        await using var host = await EngineHost.StartAsync(database, SeedSettings(seedFile));

        Assert.Equal(
            [Wins, Habits with { Animation = AnimationKind.Webm, AnimationData = "media/trophy.webm" }],
            await host.Catalog.ListAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_changed_seed_entry_updates_its_row_and_a_new_one_is_inserted()
    {
        using var database = new TemporarySqliteDatabase();
        var seedFile = WriteSeed(database, Wins, Habits);
        await (await EngineHost.StartAsync(database, SeedSettings(seedFile))).DisposeAsync();

        WriteSeed(database, Wins with { Title = "Three wins", RuleData = """{"field":"total_wins","threshold":4}""" }, Habits, Back);
        await using var host = await EngineHost.StartAsync(database, SeedSettings(seedFile));

        Assert.Equal(
            [Wins with { Title = "Three wins", RuleData = """{"field":"total_wins","threshold":4}""" }, Habits, Back],
            await host.Catalog.ListAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task An_admin_edit_is_kept_while_its_seed_entry_is_unchanged()
    {
        using var database = new TemporarySqliteDatabase();
        var seedFile = WriteSeed(database, Wins, Habits);
        await using (var first = await EngineHost.StartAsync(database, SeedSettings(seedFile)))
        {
            await first.SaveMilestonesAsync(Wins with { Title = "Edited by an admin", IsActive = false });
        }

        await using var host = await EngineHost.StartAsync(database, SeedSettings(seedFile));

        Assert.Contains(Wins with { Title = "Edited by an admin", IsActive = false }, await host.Catalog.ListAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Milestones_missing_from_the_seed_are_never_deleted()
    {
        using var database = new TemporarySqliteDatabase();
        var seedFile = WriteSeed(database, Wins, Habits);
        await using (var first = await EngineHost.StartAsync(database, SeedSettings(seedFile)))
        {
            await first.SaveMilestonesAsync(Back);
        }

        WriteSeed(database, Habits);
        await using var host = await EngineHost.StartAsync(database, SeedSettings(seedFile));

        Assert.Equal([Wins, Habits, Back], await host.Catalog.ListAsync(TestContext.Current.CancellationToken));
    }

    public static TheoryData<string, string> MalformedSeeds => new()
    {
        { "[ { \"code\": \"seed_wins_3\", ", "could not be read" },
        { "{ \"code\": \"seed_wins_3\" }", "could not be read" },
        { "[]", "holds no milestones" },
        {
            """[{ "code": "seed_a", "title": "A", "description": "A.", "icon": "⭐", "trigger": "WinLogged", "rule_type": "count", "rule": { "field": "total_wins", "threshold": 1 }, "colour": "red" }]""",
            "'colour'"
        },
        {
            """[{ "code": "seed_a", "title": "A", "description": "A.", "icon": "⭐", "trigger": "WinLogged", "rule_type": "count" }]""",
            "'rule'"
        },
        {
            """
            [{ "code": "seed_a", "title": "A", "description": "A.", "icon": "⭐", "trigger": "WinLogged", "rule_type": "count", "rule": { "field": "total_wins", "threshold": 1 } },
             { "code": "seed_b", "title": "B", "description": "B.", "icon": "⭐", "trigger": "WinLogged", "rule_type": "streak", "rule": { "days": 7 } }]
            """,
            "entry 2 ('seed_b'): Rule type 'streak' is unknown"
        },
        {
            """
            [{ "code": "seed_a", "title": "A", "description": "A.", "icon": "⭐", "trigger": "WinLogged", "rule_type": "count", "rule": { "field": "total_wins", "threshold": 1 } },
             { "code": "seed_a", "title": "A", "description": "A.", "icon": "⭐", "trigger": "WinLogged", "rule_type": "count", "rule": { "field": "total_wins", "threshold": 2 } }]
            """,
            "Code 'seed_a' appears more than once"
        },
        {
            """[{ "code": "seed_a", "code": "seed_b", "title": "A", "description": "A.", "icon": "⭐", "trigger": "WinLogged", "rule_type": "count", "rule": { "field": "total_wins", "threshold": 1 } }]""",
            "'code'"
        },
        {
            """[{ "code": "seed_a", "title": "A", "description": "A.", "icon": "⭐", "trigger": "WinLogged", "rule_type": "count", "rule": { "field": "total_wins", "threshold": 3, "threshold": 1 } }]""",
            "'threshold'"
        },
        {
            """[{ "code": "seed_a", "title": "A", "description": "A.", "icon": "⭐", "trigger": "WinLogged", "rule_type": "count", "rule": { "field": "total_wins", "threshold": 1 }, "animation_data": { "spread": 90, "spread": 45 } }]""",
            "'spread'"
        },
    };

    [Theory]
    [MemberData(nameof(MalformedSeeds))]
    public async Task A_malformed_seed_file_stops_start_up_naming_the_file_and_the_problem_and_seeds_nothing(string content, string problem)
    {
        using var database = new TemporarySqliteDatabase();
        var seedFile = Path.Combine(database.Folder, "milestones.json");
        await File.WriteAllTextAsync(seedFile, content, TestContext.Current.CancellationToken);

        var stopped = await Assert.ThrowsAsync<InvalidOperationException>(() => EngineHost.StartAsync(database, SeedSettings(seedFile)));

        Assert.Contains($"'{seedFile}'", stopped.Message, StringComparison.Ordinal);
        Assert.Contains(problem, stopped.Message, StringComparison.Ordinal);
        Assert.Equal(0L, await CountMilestonesAsync(database));
    }

    private static Dictionary<string, string?> SeedSettings(string seedFile) => new()
    {
        [$"{DatabaseOptions.Section}:{nameof(DatabaseOptions.SeedFile)}"] = seedFile,
    };

    /// <summary>Writes the definitions in the seed file's format (snake_case, the rule as an object) beside the database.</summary>
    private static string WriteSeed(TemporarySqliteDatabase database, params MilestoneDefinition[] definitions)
    {
        var entries = new JsonArray(definitions.Select(definition => (JsonNode)new JsonObject
        {
            ["code"] = definition.Code,
            ["title"] = definition.Title,
            ["description"] = definition.Description,
            ["icon"] = definition.Icon,
            ["trigger"] = definition.TriggerEvent,
            ["rule_type"] = definition.RuleType,
            ["rule"] = JsonNode.Parse(definition.RuleData),
            ["is_active"] = definition.IsActive,
            ["animation"] = definition.Animation.ToString(),
            ["animation_data"] = definition.AnimationData,
        }).ToArray());
        var path = Path.Combine(database.Folder, "milestones.json");
        File.WriteAllText(path, entries.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        return path;
    }

    private static async Task<long> CountMilestonesAsync(TemporarySqliteDatabase database)
    {
        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM milestones";
        return (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }
}
