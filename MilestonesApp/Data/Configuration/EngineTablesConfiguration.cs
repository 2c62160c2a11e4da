using Microsoft.EntityFrameworkCore;
using MilestonesApp.Data.Entities;

namespace MilestonesApp.Data.Configuration;

/// <summary>The engine's four tables and the catalog's version: keys, uniqueness and the indexes its queries rely on.</summary>
internal static class EngineTablesConfiguration
{
    public static void ConfigureEngineTables(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<StoredEvent>(events =>
        {
            events.ToTable("events");
            events.Property(e => e.UserId).HasMaxLength(128);
            events.Property(e => e.EventType).HasMaxLength(64);
            events.Property(e => e.IdempotencyKey).HasMaxLength(200);
            events.HasIndex(e => new { e.UserId, e.IdempotencyKey }).IsUnique();
            events.HasIndex(e => new { e.UserId, e.EventType, e.OccurredAt });
        });

        modelBuilder.Entity<UserStats>(stats =>
        {
            stats.ToTable("user_stats");
            stats.HasKey(s => s.UserId);
            stats.Property(s => s.UserId).HasMaxLength(128);
        });

        modelBuilder.Entity<Milestone>(milestones =>
        {
            milestones.ToTable("milestones");
            milestones.HasIndex(m => m.Code).IsUnique();
            milestones.Property(m => m.Code).HasMaxLength(64);
            milestones.Property(m => m.AnimationKind).HasConversion<string>().HasMaxLength(16);
            milestones.Property(m => m.State).HasConversion<string>().HasMaxLength(16);
        });

        modelBuilder.Entity<UserMilestone>(awards =>
        {
            awards.ToTable("user_milestones");
            awards.Property(a => a.UserId).HasMaxLength(128);
            awards.HasIndex(a => new { a.UserId, a.MilestoneId }).IsUnique();
            awards.HasIndex(a => a.MilestoneId);
            awards.HasIndex(a => a.AwardedByEventId);
            awards.HasOne(a => a.Milestone).WithMany().HasForeignKey(a => a.MilestoneId).OnDelete(DeleteBehavior.Restrict);
            awards.HasOne<StoredEvent>().WithMany().HasForeignKey(a => a.EventId).OnDelete(DeleteBehavior.Restrict);
            awards.HasOne<StoredEvent>().WithMany().HasForeignKey(a => a.AwardedByEventId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<CatalogVersion>(version =>
        {
            version.ToTable("catalog_version");
            version.Property(v => v.Id).ValueGeneratedNever();
            version.HasData(new CatalogVersion { Id = CatalogVersion.RowId, Version = 0 });
        });
    }

    /// <summary>
    /// Compares the engine tables' user ids byte by byte, as SQLite does: the backfill walks users in ordinal order in
    /// batches bounded by BETWEEN, which a language collation would order differently.
    /// </summary>
    public static void UseOrdinalUserIds(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<StoredEvent>().Property(e => e.UserId).UseCollation("C");
        modelBuilder.Entity<UserStats>().Property(s => s.UserId).UseCollation("C");
        modelBuilder.Entity<UserMilestone>().Property(a => a.UserId).UseCollation("C");
    }
}
