using System.Data.Common;
using Microsoft.Extensions.DependencyInjection;
using MilestonesApp.Data;
using MilestonesApp.Engine;
using MilestonesApp.Tests.Shared;

namespace MilestonesApp.Tests.Engine;

/// <summary>The engine's write path on PostgreSQL: which server process a writer's transactions run on.</summary>
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

    private static async Task<int> BackendAsync(WriteTransaction transaction, CancellationToken cancellationToken)
    {
        await using DbCommand command = transaction.Connection.CreateCommand();
        command.Transaction = transaction.Transaction;
        command.CommandText = "SELECT pg_backend_pid()";
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }
}
