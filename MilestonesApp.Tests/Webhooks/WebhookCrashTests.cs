using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MilestonesApp.Tests.Shared;

namespace MilestonesApp.Tests.Webhooks;

/// <summary>
/// The real app in a process of its own, killed with SIGKILL while it is sending an award's webhook: the delivery was
/// committed with the award, so the app started again sends it, with the same webhook-id.
/// </summary>
public sealed partial class WebhookCrashTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task An_award_s_webhook_interrupted_by_SIGKILL_is_sent_after_restart_with_the_same_id()
    {
        await using var receiver = await WebhookReceiver.StartAsync(WebhookReceiver.Hang);
        var folder = Directory.CreateTempSubdirectory("milestones-webhook-crash-");
        try
        {
            var database = Path.Combine(folder.FullName, "milestones.db");
            var key = LastLine(await RunCommandAsync(database, "apikey", "create", "crash-test"));
            await RunCommandAsync(database, "webhook", "add", "crm", receiver.Url);

            string firstId;
            using (var first = await ServeAsync(database))
            {
                using var client = new HttpClient { BaseAddress = first.Address };
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
                using var response = await client.PostAsJsonAsync("/api/v1/events", new
                {
                    userId = "ana", type = "WinLogged", occurredAt = DateTimeOffset.UtcNow.AddMinutes(-1), idempotencyKey = "crash-1",
                }, TestContext.Current.CancellationToken);
                response.EnsureSuccessStatusCode();
                var result = await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken);
                Assert.NotEmpty(result!["newlyAwarded"]!.AsArray());

                // The app is mid-attempt (the receiver holds the request) when it is killed.
                firstId = (await receiver.NextAsync()).Id;
                first.Process.Kill(entireProcessTree: true);
                await first.Process.WaitForExitAsync(TestContext.Current.CancellationToken);
            }

            receiver.Status = 204;
            using var second = await ServeAsync(database);

            // The dead process's lease (5 s here) expires, and the new one sends every delivery of the award again.
            var resent = await receiver.NextAsync();
            Assert.Equal(firstId, resent.Id);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static string AppFolder
    {
        get
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
            return Path.Combine(RepositoryFiles.AppProject, "bin", configuration, "net10.0");
        }
    }

    private static ProcessStartInfo App(string database, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppFolder, "MilestonesApp.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ConnectionStrings__Milestones"] = $"Data Source={database}";
        start.Environment["Milestones__Webhooks__AllowPrivateNetworks"] = "true";
        start.Environment["Milestones__Webhooks__Lease"] = "00:00:05";
        start.Environment["Milestones__Webhooks__PollInterval"] = "00:00:01";
        return start;
    }

    private static async Task<string> RunCommandAsync(string database, params string[] arguments)
    {
        using var process = Process.Start(App(database, arguments))!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.True(process.ExitCode == 0, $"{string.Join(' ', arguments)} exited {process.ExitCode}: {await error}");
        return await output;
    }

    private static async Task<RunningApp> ServeAsync(string database)
    {
        var process = Process.Start(App(database, "--urls", "http://127.0.0.1:0"))!;
        _ = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(Patience);
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (ListeningOn().Match(line) is { Success: true } match)
            {
                // Keep reading, so a full pipe never blocks the app's logging.
                _ = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
                return new RunningApp(process, new Uri(match.Groups[1].Value));
            }
        }

        process.Kill(entireProcessTree: true);
        throw new InvalidOperationException("The app exited before it listened.");
    }

    private static string LastLine(string output) => output.TrimEnd().Split('\n')[^1].Trim();

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningOn();

    private sealed record RunningApp(Process Process, Uri Address) : IDisposable
    {
        public void Dispose()
        {
            if (!Process.HasExited)
            {
                Process.Kill(entireProcessTree: true);
                Process.WaitForExit();
            }

            Process.Dispose();
        }
    }
}
