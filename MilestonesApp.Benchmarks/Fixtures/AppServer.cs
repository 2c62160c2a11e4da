using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using MilestonesApp.Data;

namespace MilestonesApp.Benchmarks.Fixtures;

/// <summary>
/// The whole app, as <c>Program</c> builds it, on Kestrel at a random loopback port over one SQLite file (or a PostgreSQL database), outside
/// Development, logging only warnings, and with a rate limit no benchmark reaches. The factory finds the app by any
/// type of its assembly; not <c>Program</c>, which here names this console's own.
/// </summary>
internal sealed class AppServer : WebApplicationFactory<AppDbContext>
{
    private readonly string connectionString;
    private readonly DatabaseProvider provider;

    private AppServer(string connectionString, DatabaseProvider provider) => (this.connectionString, this.provider) = (connectionString, provider);

    public Uri Address => ClientOptions.BaseAddress;

    public static AppServer Start(string databasePath) => Start(EngineFixture.ConnectionStringFor(databasePath), DatabaseProvider.Sqlite);

    /// <summary>The app on a PostgreSQL database that is already migrated and seeded.</summary>
    public static AppServer StartOnPostgreSql(string connectionString) => Start(connectionString, DatabaseProvider.PostgreSql);

    private static AppServer Start(string connectionString, DatabaseProvider provider)
    {
        var server = new AppServer(connectionString, provider);
        server.UseKestrel(0);
        server.StartServer();
        return server;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting($"ConnectionStrings:{DatabaseOptions.ConnectionStringName}", connectionString);
        builder.UseSetting($"{DatabaseOptions.Section}:{nameof(DatabaseOptions.Provider)}", provider.ToString());
        builder.UseSetting("Milestones:Api:RateLimitPermits", int.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // Stdout carries only the results table; the app's warnings join the progress on stderr.
        builder.UseSetting("Logging:Console:LogToStandardErrorThreshold", "Trace");
    }
}
