using Microsoft.EntityFrameworkCore;
using MilestonesApp.Data.Entities;
using MilestonesApp.Engine;

namespace MilestonesApp.Data.Configuration;

/// <summary>
/// The app's own tables: wins, habits, profiles, seen-markers for awards, the events API's keys and the translations of
/// admin-made milestones.
/// </summary>
internal static class AppTablesConfiguration
{
    public const int MaxWinLength = 280;
    public const int MaxHabitNameLength = 80;
    public const int MaxApiKeyNameLength = 64;

    public static void ConfigureAppTables(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Win>(wins =>
        {
            wins.ToTable("wins");
            wins.Property(w => w.UserId).HasMaxLength(128);
            wins.Property(w => w.Text).HasMaxLength(MaxWinLength);
            wins.HasIndex(w => new { w.UserId, w.LoggedAt });
            wins.HasIndex(w => w.EventId).IsUnique();
            wins.HasOne<StoredEvent>().WithMany().HasForeignKey(w => w.EventId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<Habit>(habits =>
        {
            habits.ToTable("habits");
            habits.Property(h => h.UserId).HasMaxLength(128);
            habits.Property(h => h.Name).HasMaxLength(MaxHabitNameLength);
            habits.HasIndex(h => h.UserId);
        });

        modelBuilder.Entity<UserProfile>(profiles =>
        {
            profiles.ToTable("user_profiles");
            profiles.HasKey(p => p.UserId);
            profiles.Property(p => p.UserId).HasMaxLength(128);
            profiles.Property(p => p.TimeZone).HasMaxLength(64);
        });

        modelBuilder.Entity<SeenAward>(seen =>
        {
            seen.ToTable("seen_awards");
            seen.HasKey(s => s.UserMilestoneId);
            seen.Property(s => s.UserMilestoneId).ValueGeneratedNever();
            seen.HasOne<UserMilestone>().WithOne().HasForeignKey<SeenAward>(s => s.UserMilestoneId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<ApiKey>(keys =>
        {
            keys.ToTable("api_keys");
            keys.Property(k => k.Name).HasMaxLength(MaxApiKeyNameLength);
            keys.Property(k => k.Prefix).HasMaxLength(16);
            keys.Property(k => k.Hash).HasMaxLength(32);
            keys.HasIndex(k => k.Prefix).IsUnique();
            // A revoked key's name may be given to a new key; two live keys never share one.
            keys.HasIndex(k => k.Name).IsUnique().HasFilter("revoked_at IS NULL");
        });

        modelBuilder.Entity<ApiKeyWindow>(windows =>
        {
            windows.ToTable("api_key_windows");
            windows.HasKey(w => w.ApiKeyId);
            windows.Property(w => w.ApiKeyId).ValueGeneratedNever();
            windows.HasOne<ApiKey>().WithOne().HasForeignKey<ApiKeyWindow>(w => w.ApiKeyId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<MilestoneText>(texts =>
        {
            texts.ToTable("milestone_texts");
            // The key is the unique (milestone_id, culture): one title and description per culture.
            texts.HasKey(t => new { t.MilestoneId, t.Culture });
            texts.Property(t => t.Culture).HasMaxLength(MilestoneTranslation.MaxCultureLength);
            texts.Property(t => t.Title).HasMaxLength(MilestoneDefinitionValidator.MaxTitleLength);
            texts.Property(t => t.Description).HasMaxLength(MilestoneDefinitionValidator.MaxDescriptionLength);
            // Milestones are never deleted; a translation never outlives the definition it translates.
            texts.HasOne(t => t.Milestone).WithMany().HasForeignKey(t => t.MilestoneId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
