using System.Data.Common;
using Microsoft.Extensions.DependencyInjection;
using MilestonesApp.Data;
using MilestonesApp.Engine;
using Npgsql;
using MilestonesApp.Tests.Shared;

namespace MilestonesApp.Tests.Engine;

/// <summary>
/// The engine's write path on PostgreSQL: which server process a writer's transactions run on, and what a server that
/// drops every connection the writer keeps costs the writes after it.
/// </summary>
public sealed class PostgreSqlWritePathTests
{
    private const int Concurrent = 6;

    [Fact]
    public async Task One_writer_after_a_burst_of_concurrent_ones_stays_on_one_server_process()
    {
        await using var host = await EngineHost.StartAsync(DatabaseProvider.PostgreSql);
        var writePath = host.Services.GetRequiredService<IEngineWritePath>();
        var cancellationToken = TestContext.Current.CancellationToken;

        // A burst: every write holds its connection until all have one, so the pool opens that many server processes.
        var started = 0;
        var allStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var burst = await Task.WhenAll(Enumerable.Range(0, Concurrent).Select(_ => writePath.WriteAsync(async (transaction, token) =>
        {
            if (Interlocked.Increment(ref started) == Concurrent)
            {
                allStarted.SetResult();
            }

            await allStarted.Task.WaitAsync(token);
            return await BackendAsync(transaction, token);
        }, cancellationToken)));

        var afterwards = new List<int>();
        for (var i = 0; i < 10; i++)
        {
            await host.RecordAsync("user-1", EventTypes.WinLogged, EngineHost.Now.AddHours(-1).AddMinutes(i), $"win-{i}");
            afterwards.Add(await writePath.WriteAsync(BackendAsync, cancellationToken));
        }

        Assert.Equal(Concurrent, burst.Distinct().Count());
        Assert.Single(afterwards.Distinct());
    }

    [Fact]
    public async Task When_the_server_drops_every_kept_connection_at_most_one_write_fails_and_the_rest_are_recorded()
    {
        await using var host = await EngineHost.StartAsync(DatabaseProvider.PostgreSql);
        var writePath = host.Services.GetRequiredService<IEngineWritePath>();
        var cancellationToken = TestContext.Current.CancellationToken;
        var started = 0;
        var allStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var kept = await Task.WhenAll(Enumerable.Range(0, Concurrent).Select(_ => writePath.WriteAsync(async (transaction, token) =>
        {
            if (Interlocked.Increment(ref started) == Concurrent)
            {
                allStarted.SetResult();
            }

            await allStarted.Task.WaitAsync(token);
            return await BackendAsync(transaction, token);
        }, cancellationToken)));

        await using (var admin = new NpgsqlConnection(host.Database.ConnectionString))
        {
            await admin.OpenAsync(cancellationToken);
            await using var terminate = new NpgsqlCommand("SELECT pg_terminate_backend(pid) FROM unnest(@pids) AS pid", admin);
            terminate.Parameters.AddWithValue("pids", kept);
            await terminate.ExecuteNonQueryAsync(cancellationToken);
        }

        var failed = 0;
        for (var i = 0; i < Concurrent; i++)
        {
            try
            {
                await host.RecordAsync("user-1", EventTypes.WinLogged, EngineHost.Now.AddMinutes(i), $"win-{i}");
            }
            catch (NpgsqlException)
            {
                failed++;
            }
        }

        Assert.InRange(failed, 0, 1);
        Assert.Equal(Concurrent - failed, (await host.Services.GetRequiredService<IEngineReads>().StatsAsync("user-1", cancellationToken)).TotalWins);
    }

    private static async Task<int> BackendAsync(WriteTransaction transaction, CancellationToken cancellationToken)
    {
        await using DbCommand command = transaction.Connection.CreateCommand();
        command.Transaction = transaction.Transaction;
        command.CommandText = "SELECT pg_backend_pid()";
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }
}
