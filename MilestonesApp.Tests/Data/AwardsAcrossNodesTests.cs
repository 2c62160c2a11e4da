using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MilestonesApp.Data;
using MilestonesApp.Data.Notifications;
using MilestonesApp.Engine;
using MilestonesApp.Tests.Shared;
using Npgsql;

namespace MilestonesApp.Tests.Data;

/// <summary>On PostgreSQL, an award made on one node reaches the person's subscribers on every node, once.</summary>
public sealed class AwardsAcrossNodesTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task An_award_recorded_on_one_node_reaches_each_node_s_subscriber_once()
    {
        await using var a = await StartNodeAsync();
        await using var b = await StartNodeAsync(a.Database);
        await a.SaveMilestonesAsync(TestMilestones.Count("two_wins", StatsCounters.TotalWins, 2));
        await WaitForListenersAsync(a.Database, count: 2, replacing: []);
        var heardOnA = Listen(a, "ana");
        var heardOnB = Listen(b, "ana");

        await a.RecordAsync("ana", EventTypes.WinLogged, EngineHost.Now.AddHours(-1), "win-1");
        await b.RecordAsync("ana", EventTypes.WinLogged, EngineHost.Now, "win-2");

        // Notifications arrive in commit order: any second copy of the first award would come before the second award.
        AwardNotice[] expected = [new("ana", "first_win"), new("ana", "two_wins")];
        Assert.Equal(expected, await ReadUntilAsync(heardOnA, "two_wins"));
        Assert.Equal(expected, await ReadUntilAsync(heardOnB, "two_wins"));
        Assert.False(heardOnA.TryRead(out _));
        Assert.False(heardOnB.TryRead(out _));
    }

    [Fact]
    public async Task A_backfill_on_one_node_reaches_a_recipient_s_subscriber_on_another()
    {
        await using var a = await StartNodeAsync();
        await using var b = await StartNodeAsync(a.Database);
        await a.RecordAsync("ana", EventTypes.HabitCompleted, EngineHost.Now.AddDays(-2), "h-1");
        await a.RecordAsync("bo", EventTypes.HabitCompleted, EngineHost.Now.AddDays(-3), "h-2");
        await a.SaveMilestonesAsync(TestMilestones.Count("one_habit_again", StatsCounters.TotalHabitsCompleted, 1));
        await WaitForListenersAsync(a.Database, count: 2, replacing: []);
        var heardOnB = Listen(b, "ana");

        await a.Services.GetRequiredService<IMilestoneBackfill>()
            .AwardEveryoneWhoQualifiesAsync("one_habit_again", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal([new AwardNotice("ana", "one_habit_again")], await ReadUntilAsync(heardOnB, "one_habit_again"));
    }

    [Fact]
    public async Task A_listener_whose_connection_is_terminated_listens_again_and_delivers()
    {
        await using var a = await StartNodeAsync();
        await using var b = await StartNodeAsync(a.Database);
        var before = await WaitForListenersAsync(a.Database, count: 2, replacing: []);
        await using (var admin = await OpenAsync(a.Database))
        {
            await using var terminate = new NpgsqlCommand("SELECT pg_terminate_backend(pid) FROM unnest(@pids) AS pid", admin);
            terminate.Parameters.AddWithValue("pids", before.ToArray());
            await terminate.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        await WaitForListenersAsync(a.Database, count: 2, replacing: before);
        var heardOnB = Listen(b, "ana");
        await a.RecordAsync("ana", EventTypes.WinLogged, EngineHost.Now, "win-1");

        Assert.Equal([new AwardNotice("ana", "first_win")], await ReadUntilAsync(heardOnB, "first_win"));
    }

    [Fact]
    public void A_user_s_many_codes_are_split_over_payloads_under_PostgreSQL_s_limit_and_read_back_whole()
    {
        var userId = new string('é', DomainEventValidator.MaxUserIdLength);
        AwardNotice[] awards = [.. Enumerable.Range(0, 400).Select(i => new AwardNotice(userId, $"milestone_{i}_{new string('x', 40)}")), new("bo", "first_win")];

        var payloads = AwardNotificationPayload.Serialize(awards).ToList();

        Assert.True(payloads.Count > 2);
        Assert.All(payloads, payload => Assert.True(System.Text.Encoding.UTF8.GetByteCount(payload) < 8000));
        Assert.Equal(awards, payloads.SelectMany(AwardNotificationPayload.Parse));
        Assert.Empty(AwardNotificationPayload.Parse("not ours"));
    }

    private static async Task<EngineHost> StartNodeAsync(ITestDatabase? database = null)
    {
        var node = database is null
            ? await EngineHost.StartAsync(DatabaseProvider.PostgreSql)
            : await EngineHost.StartAsync(database);
        foreach (var listener in node.Services.GetServices<IHostedService>().OfType<PostgreSqlAwardListener>())
        {
            await listener.StartAsync(TestContext.Current.CancellationToken);
        }

        return node;
    }

    private static ChannelReader<AwardNotice> Listen(EngineHost node, string userId)
    {
        var heard = Channel.CreateUnbounded<AwardNotice>();
        // The subscription ends with the node, which the test disposes.
        _ = node.Services.GetRequiredService<IAwardNotifier>().Subscribe(userId, notices =>
        {
            foreach (var notice in notices)
            {
                heard.Writer.TryWrite(notice);
            }
        });
        return heard.Reader;
    }

    private static async Task<List<AwardNotice>> ReadUntilAsync(ChannelReader<AwardNotice> heard, string lastCode)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(Patience);
        var notices = new List<AwardNotice>();
        do
        {
            notices.Add(await heard.ReadAsync(timeout.Token));
        }
        while (notices[^1].MilestoneCode != lastCode);

        return notices;
    }

    /// <summary>The backends listening for awards, once there are <paramref name="count"/> of them none of which is in <paramref name="replacing"/>.</summary>
    private static async Task<IReadOnlyList<int>> WaitForListenersAsync(ITestDatabase database, int count, IReadOnlyCollection<int> replacing)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(Patience);
        await using var connection = await OpenAsync(database);
        await using var listeners = new NpgsqlCommand(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = @name AND query LIKE 'LISTEN%'", connection);
        listeners.Parameters.AddWithValue("name", PostgreSqlAwardListener.ApplicationName);
        while (true)
        {
            var pids = new List<int>();
            await using (var reader = await listeners.ExecuteReaderAsync(timeout.Token))
            {
                while (await reader.ReadAsync(timeout.Token))
                {
                    pids.Add(reader.GetInt32(0));
                }
            }

            if (pids.Count == count && !pids.Intersect(replacing).Any())
            {
                return pids;
            }

            await Task.Yield();
        }
    }

    private static async Task<NpgsqlConnection> OpenAsync(ITestDatabase database)
    {
        var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        return connection;
    }
}
