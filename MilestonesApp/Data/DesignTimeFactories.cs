using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace MilestonesApp.Data;

/// <summary>
/// Let <c>dotnet ef migrations add</c> build each provider's model without starting the app; one factory per context,
/// so each provider's migrations are generated for its own context. Adding a migration never connects, so the
/// connection strings only have to parse. Identity shapes its tables by the schema version in the app's services,
/// so the factories pass that setting, as the app registers it, along.
/// </summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args) => new(
        DatabaseRegistration.Configure(new DbContextOptionsBuilder<AppDbContext>(), DatabaseProvider.Sqlite, DatabaseOptions.DefaultConnectionString, interceptor: null)
            .UseApplicationServiceProvider(IdentitySettings()).Options);

    internal static IServiceProvider IdentitySettings() =>
        new ServiceCollection().Configure<IdentityOptions>(DataServiceExtensions.PinIdentitySchema).BuildServiceProvider();
}

internal sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlAppDbContext>
{
    public PostgreSqlAppDbContext CreateDbContext(string[] args) => new(
        DatabaseRegistration.Configure(new DbContextOptionsBuilder<PostgreSqlAppDbContext>(), DatabaseProvider.PostgreSql, "Host=localhost", interceptor: null)
            .UseApplicationServiceProvider(SqliteDesignTimeFactory.IdentitySettings()).Options);
}
