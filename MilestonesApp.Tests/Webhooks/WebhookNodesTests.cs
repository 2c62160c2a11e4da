using MilestonesApp.Data;
using MilestonesApp.Data.Entities;
using MilestonesApp.Engine;
using MilestonesApp.Tests.Shared;
using MilestonesApp.Webhooks;

namespace MilestonesApp.Tests.Webhooks;

/// <summary>Two nodes on one PostgreSQL database: each award is delivered once, whichever node made it.</summary>
public sealed class WebhookNodesTests
{
    [Fact]
    public async Task Two_nodes_deliver_each_award_once()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var a = await WebhookHost.StartAsync(DatabaseProvider.PostgreSql);
        await using var b = await WebhookHost.StartAsync(a.Database);
        await a.KeepOnlyMilestonesAsync(TestMilestones.Count("one_win", StatsCounters.TotalWins, 1), TestMilestones.Count("two_wins", StatsCounters.TotalWins, 2));
        var added = await a.Get<WebhookEndpoints>().AddAsync("crm", receiver.Url, TestContext.Current.CancellationToken);
        await a.StartDispatchingAsync();
        await b.StartDispatchingAsync();

        var people = Enumerable.Range(0, 12).Select(i => $"person-{i}").ToList();
        await Task.WhenAll(people.Select(async (person, i) =>
        {
            var node = i % 2 == 0 ? a : b;
            await node.RecordAsync(person, EventTypes.WinLogged, EngineHost.Now.AddMinutes(-2), $"{person}-1");
            await node.RecordAsync(person, EventTypes.WinLogged, EngineHost.Now.AddMinutes(-1), $"{person}-2");
        }));

        var deliveries = await a.WaitForDeliveriesAsync(all => all.Count == 24 && all.All(d => d.Outcome == WebhookOutcome.Delivered));
        var received = await receiver.NextAsync(24);
        Assert.Equal(deliveries.Select(d => d.MessageId).Order(), received.Select(r => r.Id).Order());
        Assert.All(deliveries, d => Assert.Equal(1, d.Attempts));
        Assert.All(received, r => Assert.True(StandardWebhooksVerifier.Verifies(added.Secret, r.Id, r.Timestamp, r.Body, r.Signature)));
        Assert.False(receiver.TryTakeMore(out _));
    }

    [Fact]
    public async Task A_lease_left_by_a_dead_node_expires_and_another_node_delivers()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var a = await WebhookHost.StartAsync(DatabaseProvider.PostgreSql);
        await using var b = await WebhookHost.StartAsync(a.Database);
        await a.KeepOnlyMilestonesAsync(TestMilestones.Count("one_win", StatsCounters.TotalWins, 1));
        await a.Get<WebhookEndpoints>().AddAsync("crm", receiver.Url, TestContext.Current.CancellationToken);
        await a.RecordAsync("ana", EventTypes.WinLogged, EngineHost.Now, "win-1");
        // Node a claims and dies before it sends: its lease holds the delivery.
        var claimed = Assert.Single(await a.Get<WebhookOutbox>().ClaimAsync(TestContext.Current.CancellationToken));
        Assert.Empty(await b.Get<WebhookOutbox>().ClaimAsync(TestContext.Current.CancellationToken));
        await b.StartDispatchingAsync();

        b.AdvanceAndWake(new WebhookOptions().Lease);

        Assert.Equal(claimed.MessageId, (await receiver.NextAsync()).Id);
        await b.WaitForDeliveriesAsync(all => all.Single().Outcome == WebhookOutcome.Delivered);
        // The dead node's claim, had it woken, records nothing: its lease passed to another claim.
        Assert.Null(await a.Get<WebhookOutbox>().RecordAsync(claimed, new WebhookAttempt(false, "HTTP 500"), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task An_award_on_one_node_wakes_another_node_s_dispatcher_at_once_through_notify()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var a = await WebhookHost.StartAsync(DatabaseProvider.PostgreSql);
        await using var b = await WebhookHost.StartAsync(a.Database);
        await a.KeepOnlyMilestonesAsync(TestMilestones.Count("one_win", StatsCounters.TotalWins, 1));
        await a.Get<WebhookEndpoints>().AddAsync("crm", receiver.Url, TestContext.Current.CancellationToken);
        await b.StartDispatchingAsync();
        // Once b has looked and found nothing due, only a wake makes it look again: its fake clock never reaches a poll.
        await WaitForWebhookListenerAsync(a.Database);

        await a.RecordAsync("ana", EventTypes.WinLogged, EngineHost.Now, "win-1");

        var delivery = Assert.Single(await a.DeliveriesAsync());
        Assert.Equal(delivery.MessageId, (await receiver.NextAsync()).Id);
    }

    private static async Task WaitForWebhookListenerAsync(ITestDatabase database)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(WebhookHost.Patience);
        await using var connection = new Npgsql.NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(timeout.Token);
        await using var listening = new Npgsql.NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND application_name = @name AND query LIKE 'LISTEN%'", connection);
        listening.Parameters.AddWithValue("name", PostgreSqlWebhookListener.ApplicationName);
        while ((long)(await listening.ExecuteScalarAsync(timeout.Token))! == 0)
        {
            await Task.Delay(20, timeout.Token);
        }
    }
}
