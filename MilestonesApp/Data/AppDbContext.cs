using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using MilestonesApp.Data.Configuration;
using MilestonesApp.Data.Entities;

namespace MilestonesApp.Data;

/// <summary>
/// The one database: the engine's tables, the app's own, Identity's and the Data Protection keys. Its migrations are
/// SQLite's; PostgreSQL's belong to <see cref="PostgreSqlAppDbContext"/>, EF Core's pattern for migrations of several
/// providers.
/// </summary>
public class AppDbContext : IdentityDbContext<ApplicationUser>, IDataProtectionKeyContext
{
    public AppDbContext(DbContextOptions<AppDbContext> options)
        : base(options)
    {
    }

    protected AppDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<StoredEvent> Events => Set<StoredEvent>();
    public DbSet<UserStats> UserStats => Set<UserStats>();
    public DbSet<Milestone> Milestones => Set<Milestone>();
    public DbSet<UserMilestone> UserMilestones => Set<UserMilestone>();
    public DbSet<Win> Wins => Set<Win>();
    public DbSet<Habit> Habits => Set<Habit>();
    public DbSet<UserProfile> UserProfiles => Set<UserProfile>();
    public DbSet<SeenAward> SeenAwards => Set<SeenAward>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<CatalogVersion> CatalogVersions => Set<CatalogVersion>();
    public DbSet<MilestoneText> MilestoneTexts => Set<MilestoneText>();
    public DbSet<WebhookEndpoint> WebhookEndpoints => Set<WebhookEndpoint>();
    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UnixMillisecondsConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ConfigureEngineTables();
        modelBuilder.ConfigureAppTables();
        modelBuilder.ConfigureWebhookTables();
    }
}
