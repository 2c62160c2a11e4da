using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using MilestonesApp.Data;

namespace MilestonesApp.Tests.Shared;

/// <summary>
/// The whole app, as <c>Program</c> builds it, on a temporary SQLite file. Development by default: that environment
/// serves the static web assets from the build and seeds the demo accounts, as <c>dotnet run</c> does.
/// </summary>
public class MilestonesAppFactory : WebApplicationFactory<Program>
{
    private readonly TemporarySqliteDatabase database;
    private readonly bool ownsDatabase;

    /// <summary>On a database of its own, deleted on dispose.</summary>
    public MilestonesAppFactory()
        : this(new TemporarySqliteDatabase(), ownsDatabase: true)
    {
    }

    private MilestonesAppFactory(TemporarySqliteDatabase database, bool ownsDatabase)
    {
        this.database = database;
        this.ownsDatabase = ownsDatabase;
    }

    /// <summary>On a database the caller keeps, to start the app again on the same file.</summary>
    public static MilestonesAppFactory OnDatabase(TemporarySqliteDatabase database) => new(database, ownsDatabase: false);

    protected virtual string Environment => "Development";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        builder.UseSetting($"ConnectionStrings:{DatabaseOptions.ConnectionStringName}", database.ConnectionString);
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
public sealed class ProductionAppFactory : MilestonesAppFactory
{
    protected override string Environment => "Production";
}
