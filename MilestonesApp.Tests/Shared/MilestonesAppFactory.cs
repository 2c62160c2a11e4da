using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MilestonesApp.Data;
using MilestonesApp.Hosting;

namespace MilestonesApp.Tests.Shared;

/// <summary>
/// The whole app, as <c>Program</c> builds it, on a temporary SQLite file. Development by default: that environment
/// serves the static web assets from the build and seeds the demo accounts, as <c>dotnet run</c> does.
/// </summary>
public class MilestonesAppFactory : WebApplicationFactory<Program>
{
    private readonly TemporarySqliteDatabase database;
    private readonly bool ownsDatabase;
    private readonly string environment;

    /// <summary>On a database of its own, deleted on dispose.</summary>
    public MilestonesAppFactory()
        : this(new TemporarySqliteDatabase(), ownsDatabase: true, Environments.Development)
    {
    }

    protected MilestonesAppFactory(TemporarySqliteDatabase database, bool ownsDatabase, string environment)
    {
        this.database = database;
        this.ownsDatabase = ownsDatabase;
        this.environment = environment;
    }

    /// <summary>On a database the caller keeps, to start the app again on the same file.</summary>
    public static MilestonesAppFactory OnDatabase(TemporarySqliteDatabase database, string environment = "Development") =>
        new(database, ownsDatabase: false, environment);

    /// <summary>Configuration the app starts with on top of its own files; set before the app first starts.</summary>
    public Dictionary<string, string?> Settings { get; } = [];

    /// <summary>Replacements of the app's services, applied after its own registrations; set before the app first starts.</summary>
    public List<Action<IServiceCollection>> TestServices { get; } = [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.UseSetting($"ConnectionStrings:{DatabaseOptions.ConnectionStringName}", database.ConnectionString);
        // Every test client reaches the app from one address, so the per-address limit on account forms would
        // throttle a class's tests together; the tests of that limit set their own.
        builder.UseSetting($"{AccountFormsRateLimitOptions.Section}:{nameof(AccountFormsRateLimitOptions.PermitLimit)}", "100000");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services => TestServices.ForEach(configure => configure(services)));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (ownsDatabase)
        {
            database.Dispose();
        }

        GC.SuppressFinalize(this);
    }
}

/// <summary>The app outside Development: no demo accounts, no default password.</summary>
public sealed class ProductionAppFactory() : MilestonesAppFactory(new TemporarySqliteDatabase(), ownsDatabase: true, Environments.Production);
