using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MilestonesApp.Api.Keys;
using MilestonesApp.Benchmarks.Fixtures;
using MilestonesApp.Benchmarks.Harness;
using MilestonesApp.Engine;

namespace MilestonesApp.Benchmarks.Benchmarks;

/// <summary>
/// B7 and B7b: the events API under load, each row on its own copy of B1's history served by the whole app on Kestrel.
/// B7: 32 clients each POST /api/v1/events one event at a time over loopback; B7b: 32 clients each POST
/// /api/v1/events/batch with 100 events. In alternating rounds, 32 tasks record the same kind of events in the same
/// process through the same app's <see cref="IMilestoneEngine"/>, one at a time. The difference is what HTTP, JSON, the
/// key check and the rate limiter cost. HTTP and in-process writers each have their own half of the users, so neither
/// side's events arrive late behind the other's, which would send them down the engine's late-event path.
/// </summary>
internal static class HttpApiBenchmark
{
    private const int Clients = 32;
    private const int EventsPerClient = 40;
    private const int BatchSize = 100;
    private const int Rounds = 8;

    // Rounds run before the harness's own warm-up round: one round of 1,280 requests left the request path partly in
    // unoptimized code (the profile showed the key check and the handlers still QuickJitted), which the HTTP side, with
    // more code per event, paid more for than the in-process side.
    private const int ExtraWarmUpRounds = 3;
    private const double SingleGoal = 0.5;
    private const double BatchGoal = 0.8;

    public static async Task<IReadOnlyList<ResultRow>> RunAsync(Workspace workspace, string seededPath, HistoryShape history) =>
    [
        await RunRowAsync(workspace.Copy(seededPath, "b7.db"), history, batch: false),
        await RunRowAsync(workspace.Copy(seededPath, "b7b.db"), history, batch: true),
    ];

    /// <summary>
    /// B7p: B7 on PostgreSQL, for the app's CPU per event on each provider, in-process and through the API (the same
    /// history shape as P0 to P2, on a database of its own). Not run without a server.
    /// </summary>
    public static async Task<ResultRow> RunOnPostgreSqlAsync()
    {
        if (PostgreSqlDatabase.Server is not { } server)
        {
            return new ResultRow("B7p", "B7 on PostgreSQL", $"not run: set {PostgreSqlDatabase.Variable}", "", "", "not run");
        }

        var history = HistoryShape.EndingLastMonth(users: 1_000, eventsPerUser: 20, days: 365);
        await using var database = await PostgreSqlDatabase.CreateAsync(server, history, extraMilestones: 17);
        await using var app = AppServer.StartOnPostgreSql(database.ConnectionString);
        return await RunRowAsync(app, history, "B7p", batch: false);
    }

    private static async Task<ResultRow> RunRowAsync(string databasePath, HistoryShape history, bool batch)
    {
        await using var app = AppServer.Start(databasePath);
        return await RunRowAsync(app, history, batch ? "B7b" : "B7", batch);
    }

    private static async Task<ResultRow> RunRowAsync(AppServer app, HistoryShape history, string id, bool batch)
    {
        var key = await app.Services.GetRequiredService<ApiKeyService>().CreateAsync(id);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Clients }) { BaseAddress = app.Address };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key.Key);
        var engine = app.Services.GetRequiredService<IMilestoneEngine>();
        var users = history.AllUsers();
        var (httpUsers, engineUsers) = (users.Where((_, i) => i % 2 == 0).ToList(), users.Where((_, i) => i % 2 == 1).ToList());
        var (calls, eventsPerCall) = batch ? (1, BatchSize) : (EventsPerClient, 1);

        var overHttp = new CallLoad(id, events => batch ? PostBatchAsync(http, events) : PostAsync(http, events.Single()),
            EventStream.PerWriter(history, httpUsers, Clients, $"{id}-http"), calls, eventsPerCall, ExtraWarmUpRounds + 1);
        var inProcess = new CallLoad(id, async events =>
            {
                foreach (var domainEvent in events)
                {
                    await engine.RecordAsync(domainEvent);
                }
            },
            EventStream.PerWriter(history, engineUsers, Clients, $"{id}-engine"), calls, eventsPerCall, ExtraWarmUpRounds + 1);
        // What any request to the app costs before the API's own work: Kestrel, the client, the app's middleware.
        var floor = new CallLoad(id, _ => GetLiveAsync(http), EventStream.PerWriter(history, httpUsers, Clients, $"{id}-floor"),
            calls, 1, ExtraWarmUpRounds + 1);
        CallLoad[] loads = batch ? [overHttp, inProcess] : [overHttp, inProcess, floor];
        for (var round = 0; round < ExtraWarmUpRounds; round++)
        {
            foreach (var load in loads)
            {
                await load.RunAsync();
            }
        }

        var samples = await Timing.InterleaveAsync([.. loads.Select(load => (Func<Task<RunSample>>)load.RunAsync)], Rounds, $"{id} HTTP / in-process{(batch ? "" : " / GET /health/live")}");

        var ratio = Timing.Ratio(samples[0], samples[1], s => s.EventsPerSecond);
        var cpu = Timing.Ratio(samples[0], samples[1], s => s.CpuMicrosecondsPerEvent);
        string Side(List<RunSample> side, CallLoad load) =>
            $"{new Distribution(side.Select(s => s.EventsPerSecond)).Median:N0} events/s, " +
            $"{new Distribution(side.Select(s => s.CpuMicrosecondsPerEvent)).Median:F0} µs CPU/event, " +
            $"{(batch ? "per call of 100 " : "")}p50 {load.Latency.Median:F2} ms, p99 {load.Latency.Percentile(99):F2} ms";
        var errors = loads.Sum(load => load.Errors);
        var floorText = batch ? "" :
            $"; a request's floor, GET /health/live through the same pipeline (Kestrel, client, the app's middleware): " +
            $"{new Distribution(samples[2].Select(s => s.CpuMicrosecondsPerEvent)).Median:F0} µs CPU/request, " +
            $"{new Distribution(samples[2].Select(s => s.EventsPerSecond)).Median:N0} requests/s";
        var goal = batch ? BatchGoal : SingleGoal;
        Progress.Say($"{id}: HTTP max {overHttp.Latency.Max:F1} ms, in-process max {inProcess.Latency.Max:F1} ms; CPU per event HTTP = {cpu.Median:F2} × in-process");
        return new ResultRow(id,
            (batch
                ? $"POST /api/v1/events/batch of {BatchSize}, {Clients} concurrent clients over loopback, vs the same load recorded in-process"
                : $"POST /api/v1/events, {Clients} concurrent clients over loopback, vs the same load recorded in-process") +
            (id == "B7p" ? $", on PostgreSQL ({history.Users:N0} users, {history.TotalEvents:N0} prior events)" : ""),
            $"HTTP {Side(samples[0], overHttp)}; in-process {Side(samples[1], inProcess)}; HTTP = {ratio.Median:F2} × in-process " +
            $"(process CPU per event, client included: {cpu.Median:F2} ×){floorText}; errors {errors}",
            ratio.SpreadText,
            $"HTTP ≥ {goal} × in-process, errors = 0",
            errors == 0 && ratio.Median >= goal ? "met" : "MISSED");
    }

    private static async Task PostAsync(HttpClient http, DomainEvent domainEvent)
    {
        using var response = await http.PostAsJsonAsync("api/v1/events", Body(domainEvent));
        response.EnsureSuccessStatusCode();
    }

    private static async Task GetLiveAsync(HttpClient http)
    {
        using var response = await http.GetAsync("health/live");
        response.EnsureSuccessStatusCode();
    }

    private static async Task PostBatchAsync(HttpClient http, IReadOnlyList<DomainEvent> events)
    {
        using var response = await http.PostAsJsonAsync("api/v1/events/batch", new { events = events.Select(Body) });
        response.EnsureSuccessStatusCode();
        using var answer = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync());
        var refused = answer.RootElement.GetProperty("results").EnumerateArray().Count(item => item.GetProperty("status").GetInt32() != 200);
        if (refused > 0)
        {
            throw new InvalidOperationException($"{refused} of the batch's {events.Count} events were refused.");
        }
    }

    private static object Body(DomainEvent domainEvent) => new
    {
        userId = domainEvent.UserId,
        type = domainEvent.EventType,
        occurredAt = domainEvent.OccurredAt,
        idempotencyKey = domainEvent.IdempotencyKey,
    };
}
