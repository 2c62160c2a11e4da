using Microsoft.Extensions.DependencyInjection;
using MilestonesApp.Data;
using MilestonesApp.Operations;
using MilestonesApp.Tests.Shared;
using MilestonesApp.Webhooks;

namespace MilestonesApp.Tests.Operations;

/// <summary><c>webhook add|remove|list</c>, run as the operator runs it, against a real database.</summary>
public sealed class WebhookCommandTests : IAsyncLifetime
{
    private EngineHost host = default!;

    public async ValueTask InitializeAsync()
    {
        host = await WebhookHost.StartAsync(DatabaseProvider.Sqlite, allowPrivateNetworks: false);
    }

    public ValueTask DisposeAsync() => host.DisposeAsync();

    [Fact]
    public async Task Add_prints_the_secret_once_on_its_own_last_line_then_list_and_remove_work()
    {
        var (exitCode, output, error) = await RunAsync("add", "crm", "https://93.184.215.14/hooks/milestones");
        var (_, list, _) = await RunAsync("list");
        var (removeExit, removed, _) = await RunAsync("remove", "crm");
        var (_, listAfter, _) = await RunAsync("list");

        Assert.Equal((0, ""), (exitCode, error));
        var secret = output.TrimEnd().Split('\n')[^1];
        Assert.Matches("^whsec_[A-Za-z0-9+/]{32}$", secret);
        Assert.StartsWith("crm\thttps://93.184.215.14/hooks/milestones\tcreated ", list, StringComparison.Ordinal);
        Assert.EndsWith("\tlive", list.TrimEnd(), StringComparison.Ordinal);
        Assert.DoesNotContain(secret, list, StringComparison.Ordinal);
        Assert.Equal(0, removeExit);
        Assert.Contains("Removed webhook 'crm'", removed, StringComparison.Ordinal);
        Assert.Contains("\tremoved ", listAfter, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "add", "inside", "https://127.0.0.1/hook" }, 1, "'127.0.0.1' resolves to 127.0.0.1, a loopback, private, link-local or otherwise internal address; webhooks are sent only to public addresses (Milestones:Webhooks:AllowPrivateNetworks lifts this in development).")]
    [InlineData(new[] { "remove", "nobody" }, 1, "No live webhook is named 'nobody'.")]
    [InlineData(new[] { "add", "crm" }, 2, "Usage: webhook add <name> <url> | webhook remove <name> | webhook list.")]
    public async Task A_refusal_is_one_sentence_on_stderr_and_a_non_zero_exit_code(string[] arguments, int expectedExit, string sentence)
    {
        var (exitCode, output, error) = await RunAsync(arguments);

        Assert.Equal(expectedExit, exitCode);
        Assert.Empty(output);
        Assert.Equal(sentence, error.Trim());
    }

    private async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] arguments)
    {
        var command = new WebhookCommand(host.Services.GetRequiredService<WebhookEndpoints>());
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await command.RunAsync(arguments, output, error, TestContext.Current.CancellationToken);
        return (exitCode, output.ToString(), error.ToString());
    }
}
