using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using MilestonesApp.Api.Keys;
using MilestonesApp.Benchmarks.Fixtures;
using MilestonesApp.Benchmarks.Harness;
using MilestonesApp.Engine;

namespace MilestonesApp.Benchmarks.Benchmarks;

/// <summary>
/// B7: the events API under load. 32 clients each POST /api/v1/events one event at a time over loopback to the whole
/// app on Kestrel; in alternating rounds, 32 tasks record the same kind of events in the same process through the
/// same app's <see cref="IMilestoneEngine"/>. The difference is what HTTP, JSON, the key check and the rate limiter
/// cost. Bounded: a fixed count per round, and no new round once the time budget is spent.
/// </summary>
internal static class HttpApiBenchmark
{
    private const int Clients = 32;
    private const int EventsPerClient = 40;
    private const int MaxRounds = 8;
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(60);

    public static async Task<ResultRow> RunAsync(Workspace workspace, string seededPath, HistoryShape history)
    {
        await using var app = AppServer.Start(workspace.Copy(seededPath, "b7.db"));
        var key = await app.Services.GetRequiredService<ApiKeyService>().CreateAsync("b7");
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Clients }) { BaseAddress = app.Address };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key.Key);
        var engine = app.Services.GetRequiredService<IMilestoneEngine>();
        var users = history.AllUsers();

        var overHttp = new ConcurrentLoad("B7", e => PostAsync(http, e), EventStream.PerWriter(history, users, Clients, "b7-http"), EventsPerClient);
        var inProcess = new ConcurrentLoad("B7", e => engine.RecordAsync(e), EventStream.PerWriter(history, users, Clients, "b7-engine"), EventsPerClient);
        ConcurrentLoad[] loads = [overHttp, inProcess];
        var started = Stopwatch.GetTimestamp();
        var rounds = 0;
        for (var round = -1; round < MaxRounds && (round < 2 || Stopwatch.GetElapsedTime(started) < Budget); round++, rounds++)
        {
            for (var turn = 0; turn < loads.Length; turn++)
            {
                await loads[(turn + round + 1) % loads.Length].RunAsync(measured: round >= 0);
            }
        }

        var (http50, http99, engine50, engine99) = (overHttp.Latency.Median, overHttp.Latency.Percentile(99), inProcess.Latency.Median, inProcess.Latency.Percentile(99));
        var (httpRate, engineRate) = (new Distribution(overHttp.Rates), new Distribution(inProcess.Rates));
        var errors = overHttp.Errors + inProcess.Errors;
        Progress.Say($"B7: {rounds - 1} measured rounds in {Stopwatch.GetElapsedTime(started).TotalSeconds:F0} s; " +
            $"HTTP max {overHttp.Latency.Max:F1} ms, in-process max {inProcess.Latency.Max:F1} ms");
        return new ResultRow("B7",
            $"POST /api/v1/events, {Clients} concurrent clients over loopback, vs the same load recorded in-process",
            $"HTTP {httpRate.Median:N0} events/s, p50 {http50:F2} ms, p99 {http99:F2} ms; in-process {engineRate.Median:N0} events/s, " +
            $"p50 {engine50:F2} ms, p99 {engine99:F2} ms (HTTP = {httpRate.Median / engineRate.Median:F2} × in-process); errors {errors}",
            httpRate.SpreadText,
            "errors = 0; both reported",
            errors == 0 ? "met" : "MISSED");
    }

    private static async Task PostAsync(HttpClient http, DomainEvent domainEvent)
    {
        using var response = await http.PostAsJsonAsync("api/v1/events", new
        {
            userId = domainEvent.UserId,
            type = domainEvent.EventType,
            occurredAt = domainEvent.OccurredAt,
            idempotencyKey = domainEvent.IdempotencyKey,
        });
        response.EnsureSuccessStatusCode();
    }
}
