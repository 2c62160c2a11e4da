using System.Text;
using System.Text.Json;
using MilestonesApp.Engine;

namespace MilestonesApp.Data.Notifications;

/// <summary>
/// What one PostgreSQL notification carries: a user id and some of their new milestone codes, as JSON. A user's codes
/// are split over several payloads when one would pass PostgreSQL's 8,000-byte limit.
/// </summary>
internal sealed record AwardNotificationPayload(string UserId, IReadOnlyList<string> Codes)
{
    // Under PostgreSQL's 8,000 bytes, with room for one more code's worth of JSON punctuation.
    public const int MaxBytes = 7_900;

    public static IEnumerable<string> Serialize(IReadOnlyList<AwardNotice> awards)
    {
        foreach (var forUser in awards.GroupBy(a => a.UserId, StringComparer.Ordinal))
        {
            var codes = new List<string>();
            foreach (var code in forUser.Select(a => a.MilestoneCode))
            {
                codes.Add(code);
                if (codes.Count > 1 && SizeOf(forUser.Key, codes) > MaxBytes)
                {
                    codes.RemoveAt(codes.Count - 1);
                    yield return ToJson(forUser.Key, codes);
                    codes = [code];
                }
            }

            yield return ToJson(forUser.Key, codes);
        }
    }

    /// <summary>The notices a payload carries, or none when it is not one of ours.</summary>
    public static IReadOnlyList<AwardNotice> Parse(string payload)
    {
        try
        {
            return JsonSerializer.Deserialize<AwardNotificationPayload>(payload) is { UserId: { } userId, Codes: { } codes }
                ? [.. codes.Select(code => new AwardNotice(userId, code))]
                : [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static int SizeOf(string userId, List<string> codes) => Encoding.UTF8.GetByteCount(ToJson(userId, codes));

    private static string ToJson(string userId, List<string> codes) => JsonSerializer.Serialize(new AwardNotificationPayload(userId, codes));
}
