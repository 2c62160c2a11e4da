using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MilestonesApp.Api.Keys;
using MilestonesApp.Operations;
using MilestonesApp.Tests.Shared;

namespace MilestonesApp.Tests.Operations;

/// <summary><c>apikey create|revoke|list</c>, run as the operator runs it, against a real database.</summary>
public sealed class ApiKeyCommandTests : IAsyncLifetime
{
    private EngineHost host = default!;

    public async ValueTask InitializeAsync() => host = await EngineHost.StartAsync(configureServices: services =>
    {
        services.AddSingleton<ApiKeyService>();
        services.AddSingleton<IOperatorCommand, ApiKeyCommand>();
    });

    public ValueTask DisposeAsync() => host.DisposeAsync();

    private ApiKeyService Keys => host.Services.GetRequiredService<ApiKeyService>();

    [Fact]
    public async Task Create_prints_the_key_once_on_its_own_last_line_and_stores_only_its_hash()
    {
        var (exitCode, output, error) = await RunAsync("create", "mobile-app");

        Assert.Equal(0, exitCode);
        Assert.Empty(error);
        var key = output.TrimEnd().Split('\n')[^1];
        Assert.StartsWith(ApiKeySecret.Marker, key, StringComparison.Ordinal);
        Assert.Equal("mobile-app", (await Keys.AuthenticateAsync(key, TestContext.Current.CancellationToken))?.Name);
        var row = await host.QueryAsync((db, ct) => db.ApiKeys.AsNoTracking().SingleAsync(k => k.Name == "mobile-app", ct));
        Assert.Equal(SHA256.HashData(Encoding.UTF8.GetBytes(key)), row.Hash);
        Assert.Equal(key[..ApiKeySecret.PrefixLength], row.Prefix);
        Assert.DoesNotContain(key, File.ReadAllText(host.Database.FilePath, Encoding.Latin1), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoke_refuses_the_key_from_then_on_and_list_shows_it_revoked()
    {
        var created = await Keys.CreateAsync("backend", TestContext.Current.CancellationToken);
        await Keys.CreateAsync("importer", TestContext.Current.CancellationToken);

        var (exitCode, _, error) = await RunAsync("revoke", "backend");
        var (_, list, _) = await RunAsync("list");

        Assert.Equal(0, exitCode);
        Assert.Empty(error);
        Assert.Null(await Keys.AuthenticateAsync(created.Key, TestContext.Current.CancellationToken));
        var lines = list.TrimEnd().Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.Contains(lines, line => line.StartsWith("backend\t", StringComparison.Ordinal) && line.Contains("\trevoked ", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("importer\t", StringComparison.Ordinal) && line.EndsWith("\tlive", StringComparison.Ordinal));
        Assert.DoesNotContain(created.Key, list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_revoked_name_can_be_given_to_a_new_key_but_two_live_keys_never_share_one()
    {
        await RunAsync("create", "backend");
        var (duplicateExit, _, duplicateError) = await RunAsync("create", "backend");
        await RunAsync("revoke", "backend");
        var (reuseExit, _, _) = await RunAsync("create", "backend");

        Assert.Equal(1, duplicateExit);
        Assert.Equal("A key named 'backend' already exists; revoke it first or choose another name.", duplicateError.Trim());
        Assert.Equal(0, reuseExit);
    }

    [Theory]
    [InlineData(new[] { "revoke", "nobody" }, 1, "No live key is named 'nobody'.")]
    [InlineData(new[] { "create", " " }, 1, "A key's name must be 1 to 64 characters, without control characters.")]
    [InlineData(new[] { "rotate" }, 2, "Usage: apikey create <name> | apikey revoke <name> | apikey list.")]
    public async Task A_refusal_is_one_sentence_on_stderr_and_a_non_zero_exit_code(string[] arguments, int expectedExit, string sentence)
    {
        var (exitCode, output, error) = await RunAsync(arguments);

        Assert.Equal(expectedExit, exitCode);
        Assert.Empty(output);
        Assert.Equal(sentence, error.Trim());
    }

    private async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] arguments)
    {
        var command = Assert.Single(host.Services.GetServices<IOperatorCommand>(), c => c.Name == "apikey");
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await command.RunAsync(arguments, output, error, TestContext.Current.CancellationToken);
        return (exitCode, output.ToString(), error.ToString());
    }
}
