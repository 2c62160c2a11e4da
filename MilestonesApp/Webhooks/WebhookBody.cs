using System.Text.Json;
using MilestonesApp.Data.Entities;

namespace MilestonesApp.Webhooks;

/// <summary>
/// The body of <c>milestone.awarded</c>: the award's facts and the milestone's default texts, no personal text beyond
/// the opaque user id. <c>timestamp</c> is when the award was made, not when it is sent, so a retry changes nothing.
/// </summary>
internal static class WebhookBody
{
    public const string AwardedType = "milestone.awarded";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string For(UserMilestone award, Milestone milestone) => JsonSerializer.Serialize(
        new Message(AwardedType, award.AwardedAt.ToUniversalTime(), new Award(
            award.UserId, milestone.Code, milestone.Title, milestone.Icon, award.AchievedAt.ToUniversalTime(), award.AwardedAt.ToUniversalTime(), award.EventId)),
        Json);

    private sealed record Message(string Type, DateTimeOffset Timestamp, Award Data);

    private sealed record Award(
        string UserId, string Code, string Title, string Icon, DateTimeOffset AchievedAt, DateTimeOffset AwardedAt, long? EventId);
}
