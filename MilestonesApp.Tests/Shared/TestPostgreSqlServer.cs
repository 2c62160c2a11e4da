namespace MilestonesApp.Tests.Shared;

/// <summary>
/// The PostgreSQL server the tests may use, named by <see cref="Variable"/> (a connection string whose user may create
/// databases; .ci/run starts one). Without it PostgreSQL tests skip, saying why, except under CI, where they must run.
/// </summary>
public static class TestPostgreSqlServer
{
    public const string Variable = "MILESTONES_TEST_POSTGRES";

    public static string? ConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    /// <summary>The server's connection string; skips the calling test when none is configured, or fails it under CI.</summary>
    public static string Require()
    {
        if (ConnectionString is { } configured)
        {
            return configured;
        }

        var reason = $"No PostgreSQL server configured: set {Variable} to a connection string (.ci/postgres start DIR prints one).";
        Assert.False(ContinuousIntegration.IsRunning, reason);
        Assert.Skip(reason);
        return "";
    }
}
