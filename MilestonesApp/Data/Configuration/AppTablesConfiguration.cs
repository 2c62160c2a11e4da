using Microsoft.EntityFrameworkCore;
using MilestonesApp.Data.Entities;

namespace MilestonesApp.Data.Configuration;

/// <summary>The app's own tables: wins, habits, profiles, seen-markers for awards and the events API's keys.</summary>
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
    }
}
