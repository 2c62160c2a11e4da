using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MilestonesApp.Engine;
using MilestonesApp.Engine.Storage;
using MilestonesApp.Tests.Shared;

namespace MilestonesApp.Tests.Engine;

/// <summary>
/// SQLite's group commit: writes queued while the write gate is busy share one transaction and one commit, each in a
/// savepoint of its own, and each caller learns its own outcome only after the commit.
/// </summary>
public sealed class GroupCommitTests
{
    private const string CommitWrites = "milestones.engine.commit.writes";
    private static readonly DateTimeOffset At = EngineHost.Now.AddDays(-1);

    [Fact]
    public async Task Writes_queued_behind_the_gate_share_one_commit_and_each_gets_its_own_result()
    {
        await using var host = await EngineHost.StartAsync();
        await host.SaveMilestonesAsync(TestMilestones.Count("test_wins_2", StatsCounters.TotalWins, 2));
        using var measurements = new EngineMeasurements(host);

        Task<EngineResult>[] recording;
        using (await host.Services.GetRequiredService<DatabaseWriteGate>().EnterAsync(TestContext.Current.CancellationToken))
        {
            recording = [.. Enumerable.Range(1, 20).Select(i => host.RecordAsync($"user-{i % 4}", EventTypes.WinLogged, At.AddMinutes(i), $"win-{i}"))];
            Assert.All(recording, task => Assert.False(task.IsCompleted));
        }

        var results = await Task.WhenAll(recording);

        Assert.Equal([20], measurements.Values(CommitWrites));
        Assert.Equal(20, results.Select(result => result.EventId).Distinct().Count());
        // Each of the four users reaches two wins with its second event in the batch, which sees the first one's.
        Assert.Equal(4, results.SelectMany(result => result.NewlyAwarded).Count(award => award.Code == "test_wins_2"));
        var rows = await host.CountRowsAsync();
        Assert.Equal((20, 4), (rows.Events, rows.UserStats));
    }

    [Fact]
    public async Task A_failing_write_rolls_back_alone_and_fails_only_its_caller()
    {
        await using var host = await EngineHost.StartAsync();
        var writer = host.Services.GetRequiredService<IEngineWriter>();
        var cancellationToken = TestContext.Current.CancellationToken;
        using var measurements = new EngineMeasurements(host);

        Task<EngineResult> before, after;
        Task<long?> failing;
        using (await host.Services.GetRequiredService<DatabaseWriteGate>().EnterAsync(cancellationToken))
        {
            before = host.RecordAsync("user-1", EventTypes.WinLogged, At, "before");
            failing = writer.WriteAsync<long?>(async (store, token) =>
            {
                await store.Events.TryInsertAsync(new DomainEvent("user-2", EventTypes.WinLogged, At, IdempotencyKey: "half-written"), null, At, token);
                throw new InvalidOperationException("fails after writing");
            }, cancellationToken);
            after = host.RecordAsync("user-3", EventTypes.WinLogged, At, "after");
        }

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => failing);
        Assert.Equal("fails after writing", error.Message);
        await before;
        await after;
        Assert.Equal([3], measurements.Values(CommitWrites));
        var events = await host.QueryAsync((db, token) => db.Events.Select(e => e.IdempotencyKey).OrderBy(key => key).ToListAsync(token));
        Assert.Equal(["after", "before"], events);
    }

    [Fact]
    public async Task A_lone_failing_write_rolls_back_and_the_next_write_goes_on()
    {
        await using var host = await EngineHost.StartAsync();
        var writer = host.Services.GetRequiredService<IEngineWriter>();

        await Assert.ThrowsAsync<InvalidOperationException>(() => writer.WriteAsync<long?>(async (store, token) =>
        {
            await store.Events.TryInsertAsync(new DomainEvent("user-1", EventTypes.WinLogged, At, IdempotencyKey: "half-written"), null, At, token);
            throw new InvalidOperationException("fails after writing");
        }, TestContext.Current.CancellationToken));
        await host.RecordAsync("user-1", EventTypes.WinLogged, At, "next");

        var events = await host.QueryAsync((db, token) => db.Events.Select(e => e.IdempotencyKey).ToListAsync(token));
        Assert.Equal(["next"], events);
    }

    [Fact]
    public async Task A_caller_that_gives_up_while_queued_is_cancelled_and_nothing_of_it_is_written()
    {
        await using var host = await EngineHost.StartAsync();
        using var giveUp = new CancellationTokenSource();

        Task<EngineResult> abandoned, kept;
        using (await host.Services.GetRequiredService<DatabaseWriteGate>().EnterAsync(TestContext.Current.CancellationToken))
        {
            abandoned = host.Engine.RecordAsync(new DomainEvent("user-1", EventTypes.WinLogged, At, IdempotencyKey: "abandoned"), giveUp.Token);
            kept = host.RecordAsync("user-1", EventTypes.WinLogged, At, "kept");
            await giveUp.CancelAsync();
        }

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);
        await kept;
        var events = await host.QueryAsync((db, token) => db.Events.Select(e => e.IdempotencyKey).ToListAsync(token));
        Assert.Equal(["kept"], events);
    }

    [Fact]
    public async Task A_caller_is_completed_only_once_its_write_is_committed()
    {
        await using var host = await EngineHost.StartAsync();

        var results = await Task.WhenAll(Enumerable.Range(1, 32).Select(i => Task.Run(async () =>
        {
            var result = await host.RecordAsync($"user-{i}", EventTypes.WinLogged, At, $"win-{i}");
            // Another connection sees only committed rows.
            return await host.QueryAsync((db, token) => db.Events.AnyAsync(e => e.Id == result.EventId, token));
        })));

        Assert.All(results, Assert.True);
    }
}
