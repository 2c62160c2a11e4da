namespace MilestonesApp.Engine;

internal static class StoredTime
{
    // Times are stored as whole milliseconds; rules must compare what was stored, not what was passed in.
    public static DateTimeOffset Truncate(DateTimeOffset value) => DateTimeOffset.FromUnixTimeMilliseconds(value.ToUnixTimeMilliseconds());
}
