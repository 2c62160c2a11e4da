using System.Net;
using MilestonesApp.Data;
using MilestonesApp.Tests.Shared;
using static MilestonesApp.Tests.Api.EventsApiClient;

namespace MilestonesApp.Tests.Api;

/// <summary>On PostgreSQL a key's rate limit holds for the whole cluster: two nodes allow it once, not twice.</summary>
public sealed class ApiKeyLimitAcrossNodesTests
{
    private const int Permits = 3;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_nodes_share_one_keys_limit()
    {
        using var database = TestDatabases.Create(DatabaseProvider.PostgreSql);
        await using var first = Node(database);
        await using var second = Node(database);
        var key = (await CreateKeyAsync(first)).Key;
        using var toFirst = Create(first, key);
        using var toSecond = Create(second, key);

        var statuses = new List<HttpStatusCode>();
        for (var request = 0; request < Permits + 1; request++)
        {
            using var response = await (request % 2 == 0 ? toFirst : toSecond).GetAsync("/api/v1/milestones", Ct);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                await ApiErrorResponsesTests.AssertProblemAsync(response, HttpStatusCode.TooManyRequests);
                Assert.True(response.Headers.Contains("Retry-After"));
            }
        }

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.OK, Permits), HttpStatusCode.TooManyRequests], statuses);
    }

    private static MilestonesAppFactory Node(ITestDatabase database)
    {
        var node = new MilestonesAppFactory();
        node.Settings["Milestones:Database:Provider"] = "PostgreSql";
        node.Settings["ConnectionStrings:Milestones"] = database.ConnectionString;
        node.Settings["Milestones:Api:RateLimitPermits"] = Permits.ToString(System.Globalization.CultureInfo.InvariantCulture);
        node.Settings["Milestones:Api:RateLimitWindow"] = "01:00:00";
        return node;
    }
}
