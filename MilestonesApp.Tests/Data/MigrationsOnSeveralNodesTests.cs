using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MilestonesApp.Data;
using MilestonesApp.Tests.Shared;

namespace MilestonesApp.Tests.Data;

/// <summary>Nodes starting together on an empty PostgreSQL database migrate it once, quietly: no error is logged.</summary>
public sealed class MigrationsOnSeveralNodesTests
{
    [Fact]
    public async Task Three_nodes_starting_together_on_an_empty_database_log_no_error()
    {
        using var database = TestDatabases.Create(DatabaseProvider.PostgreSql);
        var logs = new CollectingLoggerProvider(LogLevel.Error);

        var nodes = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() =>
            EngineHost.StartAsync(database, configureServices: services => services.AddSingleton<ILoggerProvider>(logs)))));
        foreach (var node in nodes)
        {
            await node.DisposeAsync();
        }

        Assert.True(logs.Lines.IsEmpty, string.Join("\n", logs.Lines.Select(line => $"{line.Category}: {line.Message}")));
    }
}
