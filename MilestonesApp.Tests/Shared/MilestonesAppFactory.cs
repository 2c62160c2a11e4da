using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using MilestonesApp.Data;

namespace MilestonesApp.Tests.Shared;

/// <summary>
/// The whole app, as <c>Program</c> builds it, on a temporary SQLite file. Development by default: that environment
/// serves the static web assets from the build and seeds the demo accounts, as <c>dotnet run</c> does.
/// </summary>
public class MilestonesAppFactory(TemporarySqliteDatabase? sharedDatabase = null) : WebApplicationFactory<Program>
{
    private readonly TemporarySqliteDatabase database = sharedDatabase ?? new TemporarySqliteDatabase();

    protected virtual string Environment => "Development";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        builder.UseSetting($"ConnectionStrings:{DatabaseOptions.ConnectionStringName}", database.ConnectionString);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (sharedDatabase is null)
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
