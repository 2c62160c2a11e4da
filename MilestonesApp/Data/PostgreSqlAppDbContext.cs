using Microsoft.EntityFrameworkCore;
using MilestonesApp.Data.Configuration;

namespace MilestonesApp.Data;

/// <summary>
/// <see cref="AppDbContext"/> on PostgreSQL: the same model, with its own migrations in <c>Migrations/PostgreSql</c>
/// (EF Core finds a context's migrations by its type). Add one with
/// <c>dotnet ef migrations add NAME --project MilestonesApp --context PostgreSqlAppDbContext --output-dir Data/Migrations/PostgreSql</c>.
/// </summary>
public sealed class PostgreSqlAppDbContext(DbContextOptions<PostgreSqlAppDbContext> options) : AppDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.UseOrdinalUserIds();
    }
}
