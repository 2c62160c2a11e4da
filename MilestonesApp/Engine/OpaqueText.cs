using System.Globalization;

namespace MilestonesApp.Engine;

/// <summary>
/// What an opaque id or key may hold. Stored as UTF-8, a lone surrogate becomes U+FFFD, so two different ids would
/// become one row; control characters are never part of a real id and break logs and headers.
/// </summary>
internal static class OpaqueText
{
    /// <summary>Why the text cannot be an id, as the end of a sentence, or null when it can.</summary>
    public static string? Problem(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return $"is not valid UTF-16: it holds a lone surrogate, {Describe(c)}, at position {i + 1}";
            }
            else if (char.IsControl(c))
            {
                return $"holds a control character, {Describe(c)}, at position {i + 1}";
            }
        }

        return null;
    }

    private static string Describe(char c) => "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture);
}
