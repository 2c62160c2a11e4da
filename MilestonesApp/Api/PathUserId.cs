using MilestonesApp.Engine;

namespace MilestonesApp.Api;

/// <summary>
/// A user id read from a path holds to the rules the engine applies to one in an event's body, so that a read cannot
/// be sent what a write refuses (a 5,000-character id, a newline).
/// </summary>
internal static class PathUserId
{
    /// <summary>The sentence that refuses the id, or null when the engine would take it.</summary>
    public static string? Problem(string userId) =>
        string.IsNullOrWhiteSpace(userId) ? "The user id is empty."
        : userId.Length > DomainEventValidator.MaxUserIdLength
            ? $"The user id is {userId.Length} characters long; the limit is {DomainEventValidator.MaxUserIdLength}."
        : OpaqueText.Problem(userId) is { } problem ? $"The user id {problem}."
        : null;
}
