using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Mvc.Testing;
using MilestonesApp.Api.Keys;
using MilestonesApp.Tests.Shared;

namespace MilestonesApp.Tests.Api;

/// <summary>An HTTP client of the events API on the whole app, signed with a key made the way an operator makes one.</summary>
internal static class EventsApiClient
{
    public static async Task<CreatedApiKey> CreateKeyAsync(MilestonesAppFactory app, string? name = null) =>
        await app.Services.GetRequiredService<ApiKeyService>().CreateAsync(name ?? $"test-{Guid.NewGuid():N}", TestContext.Current.CancellationToken);

    public static HttpClient Create(WebApplicationFactory<Program> app, string? key, string? language = null)
    {
        // Started first, so that the address is Kestrel's when the app runs on it (ProductionApiAppFactory).
        app.StartServer();
        var client = app.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = app.ClientOptions.BaseAddress });
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        if (language is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
        }

        return client;
    }

    public static async Task<HttpClient> CreateWithNewKeyAsync(MilestonesAppFactory app, string? language = null) =>
        Create(app, (await CreateKeyAsync(app)).Key, language);

    public static object Event(string userId, string type, DateTimeOffset occurredAt, string idempotencyKey) =>
        new { userId, type, occurredAt, idempotencyKey };

    public static Task<HttpResponseMessage> PostEventAsync(this HttpClient client, object body) =>
        client.PostAsJsonAsync("/api/v1/events", body, TestContext.Current.CancellationToken);

    public static Task<HttpResponseMessage> PostBatchAsync(this HttpClient client, IEnumerable<object> events) =>
        client.PostAsJsonAsync("/api/v1/events/batch", new { events }, TestContext.Current.CancellationToken);

    public static Task<HttpResponseMessage> PostRawAsync(this HttpClient client, string path, string json) =>
        client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

    /// <summary>Asserts the status code, showing the body when it differs: a 500's body says why.</summary>
    public static async Task AssertStatusAsync(this HttpResponseMessage response, System.Net.HttpStatusCode expected)
    {
        if (response.StatusCode != expected)
        {
            Assert.Fail($"Expected {expected}, got {response.StatusCode}: {await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
        }
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken));

    public static IReadOnlyList<string> Codes(JsonElement awards) =>
        [.. awards.EnumerateArray().Select(a => a.GetProperty("code").GetString()!)];
}
