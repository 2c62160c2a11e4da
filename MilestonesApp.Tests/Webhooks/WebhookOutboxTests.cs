using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MilestonesApp.Data;
using MilestonesApp.Data.Entities;
using MilestonesApp.Engine;
using MilestonesApp.Tests.Shared;
using MilestonesApp.Webhooks;

namespace MilestonesApp.Tests.Webhooks;

/// <summary>The outbox: an award writes one delivery per live endpoint in its own transaction, whatever made it.</summary>
public sealed class WebhookOutboxTests
{
    [Theory, OnEachProvider]
    public async Task An_award_writes_one_delivery_per_live_endpoint_and_none_for_a_removed_one(DatabaseProvider provider)
    {
        await using var host = await WebhookHost.StartAsync(provider);
        await host.KeepOnlyMilestonesAsync(TestMilestones.Count("one_win", StatsCounters.TotalWins, 1));
        var endpoints = host.Get<WebhookEndpoints>();
        var crm = await endpoints.AddAsync("crm", "http://127.0.0.1:9/crm", TestContext.Current.CancellationToken);
        var chat = await endpoints.AddAsync("chat", "http://127.0.0.1:9/chat", TestContext.Current.CancellationToken);
        await endpoints.RemoveAsync("chat", TestContext.Current.CancellationToken);

        await host.RecordAsync("ana", EventTypes.WinLogged, EngineHost.Now, "win-1");

        var award = Assert.Single(await host.AwardsOfAsync("ana"));
        var delivery = Assert.Single(await host.DeliveriesAsync());
        Assert.Equal((crm.Info.Id, award.Id), (delivery.EndpointId, delivery.AwardId));
        Assert.NotEqual(chat.Info.Id, delivery.EndpointId);
        Assert.StartsWith("msg_", delivery.MessageId, StringComparison.Ordinal);
        Assert.Equal((WebhookOutcome.Pending, 0, award.AwardedAt), (delivery.Outcome, delivery.Attempts, delivery.NextAttemptAt));
    }

    [Theory, OnEachProvider]
    public async Task The_delivery_is_written_inside_the_award_s_transaction_and_a_rolled_back_award_leaves_none(DatabaseProvider provider)
    {
        await using var host = await WebhookHost.StartAsync(provider);
        await host.Get<WebhookEndpoints>().AddAsync("crm", "http://127.0.0.1:9/crm", TestContext.Current.CancellationToken);
        var cancellationToken = TestContext.Current.CancellationToken;
        var factory = host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var milestone = await db.Milestones.FirstAsync(cancellationToken);

        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            db.UserMilestones.Add(new UserMilestone { UserId = "ana", MilestoneId = milestone.Id, AchievedAt = EngineHost.Now, AwardedAt = EngineHost.Now });
            await db.SaveChangesAsync(cancellationToken);
            // Seen by the award's own transaction before it commits: the same transaction wrote it.
            Assert.Equal(1, await db.WebhookDeliveries.CountAsync(cancellationToken));
            await transaction.RollbackAsync(cancellationToken);
        }

        Assert.Empty(await host.DeliveriesAsync());
        Assert.Empty(await host.AwardsOfAsync("ana"));
    }

    [Theory, OnEachProvider]
    public async Task A_backfill_s_awards_write_deliveries_as_an_event_s_do(DatabaseProvider provider)
    {
        await using var host = await WebhookHost.StartAsync(provider);
        await host.KeepOnlyMilestonesAsync();
        await host.RecordAsync("ana", EventTypes.HabitCompleted, EngineHost.Now.AddDays(-2), "h-1");
        await host.RecordAsync("bo", EventTypes.HabitCompleted, EngineHost.Now.AddDays(-1), "h-2");
        await host.Get<WebhookEndpoints>().AddAsync("crm", "http://127.0.0.1:9/crm", TestContext.Current.CancellationToken);
        await host.SaveMilestonesAsync(TestMilestones.Count("one_habit", StatsCounters.TotalHabitsCompleted, 1));

        await host.Get<IMilestoneBackfill>().AwardEveryoneWhoQualifiesAsync("one_habit", cancellationToken: TestContext.Current.CancellationToken);

        var awardIds = (await host.AwardsOfAsync("ana")).Concat(await host.AwardsOfAsync("bo")).Select(a => a.Id).Order();
        Assert.Equal(awardIds, (await host.DeliveriesAsync()).Select(d => d.AwardId).Order());
    }
}
