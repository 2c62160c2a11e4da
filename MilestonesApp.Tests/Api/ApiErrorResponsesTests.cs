using System.Net;
using System.Net.Http.Headers;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MilestonesApp.Api.Keys;
using MilestonesApp.Tests.Shared;
using static MilestonesApp.Tests.Api.EventsApiClient;

namespace MilestonesApp.Tests.Api;

/// <summary>
/// Every answer under /api is a problem in JSON, whatever the Accept header asks for: never an HTML page, never an
/// empty body, never the page layout with its "Signed in as".
/// </summary>
public sealed class ApiErrorResponsesTests(ProductionApiAppFactory app) : IClassFixture<ProductionApiAppFactory>
{
    public static TheoryData<string> Accepts => ["text/plain", "text/html", "application/xml"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(Accepts))]
    public async Task No_key_is_a_401_problem(string accept)
    {
        using var client = Create(app, key: null);

        using var response = await SendAsync(client, HttpMethod.Get, "/api/v1/milestones", accept);

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Theory, MemberData(nameof(Accepts))]
    public async Task A_revoked_key_is_a_401_problem(string accept)
    {
        var created = await CreateKeyAsync(app);
        await app.Services.GetRequiredService<ApiKeyService>().RevokeAsync(created.Info.Name, Ct);
        using var client = Create(app, created.Key);

        using var response = await SendAsync(client, HttpMethod.Get, "/api/v1/milestones", accept);

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Theory, MemberData(nameof(Accepts))]
    public async Task A_key_past_its_limit_is_a_429_problem_with_Retry_After(string accept)
    {
        using var client = await CreateWithNewKeyAsync(app);
        using var first = await SendAsync(client, HttpMethod.Get, "/api/v1/milestones", accept);
        using var second = await SendAsync(client, HttpMethod.Get, "/api/v1/milestones", accept);

        using var third = await SendAsync(client, HttpMethod.Get, "/api/v1/milestones", accept);

        await AssertProblemAsync(third, HttpStatusCode.TooManyRequests);
        Assert.InRange(int.Parse(Assert.Single(third.Headers.GetValues("Retry-After")), System.Globalization.CultureInfo.InvariantCulture), 1, 3600);
    }

    [Theory, MemberData(nameof(Accepts))]
    public async Task An_unknown_path_is_a_404_problem(string accept)
    {
        using var client = await CreateWithNewKeyAsync(app);

        using var response = await SendAsync(client, HttpMethod.Get, "/api/v1/nothing-here", accept);

        await AssertProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("GET", "text/plain")]
    [InlineData("GET", "text/html")]
    [InlineData("DELETE", "application/xml")]
    public async Task A_wrong_method_is_a_405_problem_naming_the_allowed_one(string method, string accept)
    {
        using var client = await CreateWithNewKeyAsync(app);

        using var response = await SendAsync(client, new HttpMethod(method), "/api/v1/events", accept);

        await AssertProblemAsync(response, HttpStatusCode.MethodNotAllowed);
        Assert.Equal(["POST"], response.Content.Headers.Allow);
    }

    [Fact]
    public async Task A_failure_inside_the_app_is_a_500_problem_that_tells_nothing_of_the_inside()
    {
        await using var broken = new ProductionApiAppFactory();
        using var client = await CreateWithNewKeyAsync(broken);
        // The database loses a table under the running app: the next read of it throws.
        await using (var connection = new SqliteConnection(broken.Services.GetRequiredService<IConfiguration>().GetConnectionString("Milestones")))
        {
            await connection.OpenAsync(Ct);
            await using var drop = connection.CreateCommand();
            drop.CommandText = "DROP TABLE user_milestones";
            await drop.ExecuteNonQueryAsync(Ct);
        }

        using var response = await SendAsync(client, HttpMethod.Get, "/api/v1/users/user-1/milestones", "text/html");

        var body = await AssertProblemAsync(response, HttpStatusCode.InternalServerError);
        Assert.DoesNotContain("user_milestones", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, string accept)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        return await client.SendAsync(request, Ct);
    }

    /// <summary>The status, as <c>application/problem+json</c> whose <c>status</c> says the same; returns the body.</summary>
    internal static async Task<string> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        await response.AssertStatusAsync(expected);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.Equal((int)expected, System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("status").GetInt32());
        Assert.DoesNotContain("<html", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Signed in as", body, StringComparison.Ordinal);
        return body;
    }
}
