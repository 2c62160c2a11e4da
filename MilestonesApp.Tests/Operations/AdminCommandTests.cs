using System.Diagnostics;
using MilestonesApp.Data;
using MilestonesApp.Tests.Shared;

namespace MilestonesApp.Tests.Operations;

/// <summary>
/// DESIGN.md "Operator commands", as an operator runs them: the built app's dll as its own process, on a database the
/// app made, printing one line and exiting without serving.
/// </summary>
public sealed class AdminCommandTests : IAsyncLifetime
{
    private readonly TemporarySqliteDatabase database = new();
    private string email = "";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await using var app = MilestonesAppFactory.OnDatabase(database, "Production");
        email = (await TestPerson.CreateAsync(app)).Email;
    }

    [Fact]
    public async Task Grant_list_and_revoke_change_and_show_who_is_admin()
    {
        var granted = await RunAsync("admin", "grant", email);
        Assert.Equal((0, $"{email} now holds the Admin role.", ""), granted);

        Assert.Equal((0, email, ""), await RunAsync("admin", "list"));
        Assert.Equal(0, (await RunAsync("admin", "grant", email)).ExitCode);

        var revoked = await RunAsync("admin", "revoke", email);
        Assert.Equal(0, revoked.ExitCode);
        Assert.StartsWith($"{email} no longer holds the Admin role", revoked.Output, StringComparison.Ordinal);
        Assert.Equal((0, "", ""), await RunAsync("admin", "list"));
    }

    [Theory]
    [InlineData("grant")]
    [InlineData("revoke")]
    public async Task An_unknown_account_fails_with_one_sentence(string verb)
    {
        var result = await RunAsync("admin", verb, "nobody@example.com");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Equal("No account has the e-mail address nobody@example.com; the person must register first.", result.Error);
        Assert.Equal("", result.Output);
    }

    [Fact]
    public async Task A_malformed_command_fails_saying_how_to_use_it()
    {
        var result = await RunAsync("admin", "promote", email);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Equal("Usage: admin grant <email> | admin revoke <email> | admin list.", result.Error);
    }

    /// <summary>Runs <c>dotnet MilestonesApp.dll</c> beside the tests, in Production on the test's database; output trimmed.</summary>
    private async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = AppContext.BaseDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "MilestonesApp.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment[$"ConnectionStrings__{DatabaseOptions.ConnectionStringName}"] = database.ConnectionString;
        // Start-up logs are not the command's answer.
        start.Environment["Logging__LogLevel__Default"] = "Warning";

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(Ct);
        var error = process.StandardError.ReadToEndAsync(Ct);
        await process.WaitForExitAsync(Ct);
        return (process.ExitCode, (await output).Trim(), (await error).Trim());
    }

    public ValueTask DisposeAsync()
    {
        database.Dispose();
        return ValueTask.CompletedTask;
    }
}
