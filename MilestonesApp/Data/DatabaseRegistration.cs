using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MilestonesApp.Data;

/// <summary>
/// The options every context of the app gets: the configured provider, snake_case names, SQLite's pragmas. Without a
/// connection string the context is given its connection later (<see cref="TransactionContexts"/>).
/// </summary>
internal static class DatabaseRegistration
{
    public static TBuilder Configure<TBuilder>(TBuilder db, DatabaseProvider provider, string? connectionString, IInterceptor? interceptor)
        where TBuilder : DbContextOptionsBuilder
    {
        _ = provider switch
        {
            DatabaseProvider.Sqlite => connectionString is null ? db.UseSqlite() : db.UseSqlite(connectionString),
            DatabaseProvider.PostgreSql => connectionString is null ? db.UseNpgsql() : db.UseNpgsql(connectionString),
            _ => throw new InvalidOperationException($"Unknown database provider '{provider}'; use Sqlite or PostgreSql."),
        };
        db.UseSnakeCaseNamingConvention();
        if (interceptor is not null)
        {
            db.AddInterceptors(interceptor);
        }

        return db;
    }
}
