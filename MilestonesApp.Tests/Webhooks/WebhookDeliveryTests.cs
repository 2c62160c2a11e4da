using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MilestonesApp.Data;
using MilestonesApp.Data.Entities;
using MilestonesApp.Engine;
using MilestonesApp.Tests.Shared;
using MilestonesApp.Webhooks;

namespace MilestonesApp.Tests.Webhooks;

/// <summary>The dispatcher against a real receiver: signed, retried with the same id, at least once.</summary>
public sealed class WebhookDeliveryTests
{
    [Theory, OnEachProvider]
    public async Task A_receiver_that_answers_500_then_204_gets_the_same_webhook_id_and_body_twice(DatabaseProvider provider)
    {
        await using var receiver = await WebhookReceiver.StartAsync(500, 204);
        await using var host = await WebhookHost.StartAsync(provider);
        await host.KeepOnlyMilestonesAsync(TestMilestones.Count("one_win", StatsCounters.TotalWins, 1));
        var added = await host.Get<WebhookEndpoints>().AddAsync("crm", receiver.Url, TestContext.Current.CancellationToken);
        await host.StartDispatchingAsync();

        await host.RecordAsync("ana", EventTypes.WinLogged, EngineHost.Now.AddMinutes(-3), "win-1");
        var first = await receiver.NextAsync();
        await host.WaitForDeliveriesAsync(all => all.Single().Attempts == 1);
        host.AdvanceAndWake(TimeSpan.FromSeconds(5));
        var second = await receiver.NextAsync();

        Assert.Equal((500, 204), (first.AnsweredWith, second.AnsweredWith));
        Assert.Equal(first.Id, second.Id);
        Assert.Equal(first.Body, second.Body);
        Assert.Equal("application/json", first.ContentType);
        Assert.All([first, second], webhook => Assert.True(
            StandardWebhooksVerifier.Verifies(added.Secret, webhook.Id, webhook.Timestamp, webhook.Body, webhook.Signature)));
        Assert.Equal(EngineHost.Now.AddSeconds(5).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), second.Timestamp);

        var delivery = Assert.Single(await host.WaitForDeliveriesAsync(all => all.Single().Outcome == WebhookOutcome.Delivered));
        Assert.Equal((2, "HTTP 204", first.Id), (delivery.Attempts, delivery.LastAnswer, delivery.MessageId));
        AssertBodyDescribes(first.Body, "ana", "one_win", await host.AwardOfAsync("ana", "one_win"));
    }

    [Theory, OnEachProvider]
    public async Task A_receiver_down_for_a_while_gets_every_award_later_and_retries_end_in_failed(DatabaseProvider provider)
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Status = 503;
        await using var host = await WebhookHost.StartAsync(provider);
        await host.KeepOnlyMilestonesAsync(TestMilestones.Count("one_win", StatsCounters.TotalWins, 1));
        await host.Get<WebhookEndpoints>().AddAsync("crm", receiver.Url, TestContext.Current.CancellationToken);
        await host.StartDispatchingAsync();
        string[] people = ["ana", "bo", "cy"];
        foreach (var person in people)
        {
            await host.RecordAsync(person, EventTypes.WinLogged, EngineHost.Now, $"win-{person}");
        }

        // Down for the first two attempts (at once and 5 s later), up again before the third (5 min later).
        await host.WaitForDeliveriesAsync(all => all.Count == 3 && all.All(d => d.Attempts == 1));
        host.AdvanceAndWake(TimeSpan.FromSeconds(5));
        await host.WaitForDeliveriesAsync(all => all.All(d => d.Attempts == 2));
        receiver.Status = 204;
        host.AdvanceAndWake(TimeSpan.FromMinutes(5));

        var deliveries = await host.WaitForDeliveriesAsync(all => all.All(d => d.Outcome == WebhookOutcome.Delivered));
        Assert.All(deliveries, d => Assert.Equal(3, d.Attempts));
        var received = await receiver.NextAsync(9);
        Assert.Equal(deliveries.Select(d => d.MessageId).Order(), received.Where(r => r.AnsweredWith == 204).Select(r => r.Id).Order());
    }

    [Fact]
    public async Task A_delivery_is_marked_failed_when_the_retry_delays_are_used_up()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Status = 500;
        await using var host = await WebhookHost.StartAsync(DatabaseProvider.Sqlite);
        await host.KeepOnlyMilestonesAsync(TestMilestones.Count("one_win", StatsCounters.TotalWins, 1));
        await host.Get<WebhookEndpoints>().AddAsync("crm", receiver.Url, TestContext.Current.CancellationToken);
        await host.StartDispatchingAsync();
        await host.RecordAsync("ana", EventTypes.WinLogged, EngineHost.Now, "win-1");

        foreach (var (delay, attempt) in WebhookOptions.DefaultRetryDelays.Select((delay, i) => (delay, i + 1)))
        {
            await host.WaitForDeliveriesAsync(all => all.Single().Attempts == attempt);
            host.AdvanceAndWake(delay);
        }

        var failed = Assert.Single(await host.WaitForDeliveriesAsync(all => all.Single().Outcome == WebhookOutcome.Failed));
        Assert.Equal((8, "HTTP 500"), (failed.Attempts, failed.LastAnswer));

        receiver.Status = 204;
        await host.Get<WebhookEndpoints>().SendAgainAsync(failed.Id, TestContext.Current.CancellationToken);
        var resent = Assert.Single(await host.WaitForDeliveriesAsync(all => all.Single().Outcome == WebhookOutcome.Delivered));
        Assert.Equal(failed.MessageId, resent.MessageId);
    }

    [Fact]
    public async Task The_meter_counts_each_attempt_by_what_the_delivery_became_and_each_failure()
    {
        await using var receiver = await WebhookReceiver.StartAsync(500, 204);
        await using var host = await WebhookHost.StartAsync(DatabaseProvider.Sqlite);
        using var measurements = new EngineMeasurements(host, WebhookMetrics.MeterName);
        await host.KeepOnlyMilestonesAsync(TestMilestones.Count("one_win", StatsCounters.TotalWins, 1));
        await host.Get<WebhookEndpoints>().AddAsync("crm", receiver.Url, TestContext.Current.CancellationToken);
        await host.StartDispatchingAsync();

        await host.RecordAsync("ana", EventTypes.WinLogged, EngineHost.Now, "win-1");
        await host.WaitForDeliveriesAsync(all => all.Single().Attempts == 1);
        host.AdvanceAndWake(TimeSpan.FromSeconds(5));
        await host.WaitForDeliveriesAsync(all => all.Single().Outcome == WebhookOutcome.Delivered);
        // The dispatcher counts an attempt just after it records it.
        using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken))
        {
            timeout.CancelAfter(WebhookHost.Patience);
            while (measurements.Sum("milestones.webhooks.deliveries") < 2)
            {
                await Task.Delay(20, timeout.Token);
            }
        }

        Assert.Equal(1, measurements.Sum("milestones.webhooks.deliveries", "milestones.webhook.outcome", "retry"));
        Assert.Equal(1, measurements.Sum("milestones.webhooks.deliveries", "milestones.webhook.outcome", "delivered"));
        Assert.Equal(1, measurements.Sum("milestones.webhooks.failures"));
    }

    [Theory, OnEachProvider]
    public async Task A_connection_to_a_loopback_address_is_refused_without_the_setting_even_for_a_stored_endpoint(DatabaseProvider provider)
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var host = await WebhookHost.StartAsync(provider, allowPrivateNetworks: false);
        await host.KeepOnlyMilestonesAsync(TestMilestones.Count("one_win", StatsCounters.TotalWins, 1));
        // As if added where private networks were allowed, or by a name that now resolves to loopback. Protected
        // before the write: the first protection writes a Data Protection key, which must not wait on this transaction.
        var protectedSecret = host.Get<WebhookSecrets>().Protect(WebhookSecret.Generate());
        await host.Get<AppWritePath>().WriteAsync(async (db, token) =>
        {
            db.WebhookEndpoints.Add(new WebhookEndpoint
            {
                Name = "inside", Url = receiver.Url, ProtectedSecret = protectedSecret, CreatedAt = EngineHost.Now,
            });
            return await db.SaveChangesAsync(token);
        }, TestContext.Current.CancellationToken);
        await host.StartDispatchingAsync();

        await host.RecordAsync("ana", EventTypes.WinLogged, EngineHost.Now, "win-1");

        var delivery = Assert.Single(await host.WaitForDeliveriesAsync(all => all.Single().Attempts == 1));
        Assert.Contains("no public address", delivery.LastAnswer, StringComparison.Ordinal);
        Assert.False(receiver.TryTakeMore(out _));
    }

    [Theory, OnEachProvider]
    public async Task An_award_committed_before_the_app_stopped_is_delivered_after_a_restart(DatabaseProvider provider)
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var database = TestDatabases.Create(provider);
        try
        {
            string messageId;
            // The first life records the award and stops before any dispatcher sends it: the delivery waits in the outbox.
            await using (var first = await WebhookHost.StartAsync(database))
            {
                await first.KeepOnlyMilestonesAsync(TestMilestones.Count("one_win", StatsCounters.TotalWins, 1));
                await first.Get<WebhookEndpoints>().AddAsync("crm", receiver.Url, TestContext.Current.CancellationToken);
                await first.RecordAsync("ana", EventTypes.WinLogged, EngineHost.Now, "win-1");
                messageId = Assert.Single(await first.DeliveriesAsync()).MessageId;
            }

            await using var second = await WebhookHost.StartAsync(database);
            await second.StartDispatchingAsync();

            Assert.Equal(messageId, (await receiver.NextAsync()).Id);
            await second.WaitForDeliveriesAsync(all => all.Single().Outcome == WebhookOutcome.Delivered);
        }
        finally
        {
            database.Dispose();
        }
    }

    private static void AssertBodyDescribes(string body, string userId, string code, UserMilestone? award)
    {
        Assert.NotNull(award);
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        Assert.Equal("milestone.awarded", root.GetProperty("type").GetString());
        Assert.Equal(award.AwardedAt, root.GetProperty("timestamp").GetDateTimeOffset());
        var data = root.GetProperty("data");
        Assert.Equal(userId, data.GetProperty("userId").GetString());
        Assert.Equal(code, data.GetProperty("code").GetString());
        Assert.Equal(award.AchievedAt, data.GetProperty("achievedAt").GetDateTimeOffset());
        Assert.Equal(award.AwardedAt, data.GetProperty("awardedAt").GetDateTimeOffset());
        Assert.Equal(award.EventId, data.GetProperty("eventId").GetInt64());
        Assert.True(data.TryGetProperty("title", out _) && data.TryGetProperty("icon", out _));
    }
}
