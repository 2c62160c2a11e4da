using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using MilestonesApp.Data.Configuration;
using MilestonesApp.Data.Entities;

namespace MilestonesApp.Data;

/// <summary>The one database: the engine's tables, the app's own, Identity's and the Data Protection keys.</summary>
public sealed class AppDbContext(DbContextOptions<AppDbContext> options) : IdentityDbContext<ApplicationUser>(options), IDataProtectionKeyContext
{
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

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UnixMillisecondsConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ConfigureEngineTables();
        modelBuilder.ConfigureAppTables();
    }
}
