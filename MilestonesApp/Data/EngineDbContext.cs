using Microsoft.EntityFrameworkCore;
using MilestonesApp.Data.Configuration;
using MilestonesApp.Data.Entities;

namespace MilestonesApp.Data;

/// <summary>
/// The engine's tables alone, mapped as in <see cref="AppDbContext"/> on the same database, so the engine depends on
/// neither Identity nor the app's tables. Migrations stay with <see cref="AppDbContext"/>: this context never creates
/// or alters a table.
/// </summary>
public sealed class EngineDbContext(DbContextOptions<EngineDbContext> options) : DbContext(options)
{
    public DbSet<StoredEvent> Events => Set<StoredEvent>();
    public DbSet<UserStats> UserStats => Set<UserStats>();
    public DbSet<Milestone> Milestones => Set<Milestone>();
    public DbSet<UserMilestone> UserMilestones => Set<UserMilestone>();
    public DbSet<CatalogVersion> CatalogVersions => Set<CatalogVersion>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UnixMillisecondsConverter>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.ConfigureEngineTables();
}
