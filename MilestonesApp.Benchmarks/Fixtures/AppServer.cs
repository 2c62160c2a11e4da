using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using MilestonesApp.Data;

namespace MilestonesApp.Benchmarks.Fixtures;

/// <summary>
/// The whole app, as <c>Program</c> builds it, on Kestrel at a random loopback port over one SQLite file, outside
/// Development, logging only warnings, and with a rate limit no benchmark reaches. The factory finds the app by any
/// type of its assembly; not <c>Program</c>, which here names this console's own.
/// </summary>
internal sealed class AppServer : WebApplicationFactory<AppDbContext>
{
    private readonly string databasePath;

    private AppServer(string databasePath) => this.databasePath = databasePath;

    public Uri Address => ClientOptions.BaseAddress;

    public static AppServer Start(string databasePath)
    {
        var server = new AppServer(databasePath);
        server.UseKestrel(0);
        server.StartServer();
        return server;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting($"ConnectionStrings:{DatabaseOptions.ConnectionStringName}", EngineFixture.ConnectionStringFor(databasePath));
        builder.UseSetting("Milestones:Api:RateLimitPermits", int.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // Stdout carries only the results table; the app's warnings join the progress on stderr.
        builder.UseSetting("Logging:Console:LogToStandardErrorThreshold", "Trace");
    }
}
