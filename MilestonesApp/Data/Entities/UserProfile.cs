namespace MilestonesApp.Data.Entities;

/// <summary>A row of <c>user_profiles</c>: what the app remembers about a person beside their account.</summary>
public sealed class UserProfile
{
    public required string UserId { get; set; }

    /// <summary>The browser's IANA time zone, which decides what "today" means for habits and dates.</summary>
    public string? TimeZone { get; set; }

    /// <summary>When the person finished onboarding; null until then.</summary>
    public DateTimeOffset? OnboardedAt { get; set; }

    /// <summary>When the person last opened the app or signed in: the start of the idle gap before a return counts as a login.</summary>
    public DateTimeOffset? LastSeenAt { get; set; }
}
