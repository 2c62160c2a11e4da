using System.Globalization;
using MilestonesApp.Engine;
using MilestonesApp.Resources;

namespace MilestonesApp.Data;

/// <summary>
/// An admin-made milestone's title and description in one culture, as saved beside its default texts. Validated like
/// the default texts (required together, the same length limits) and, since they are shown in cards and sent in API
/// answers and webhooks, free of control characters.
/// </summary>
public sealed record MilestoneTranslation(string Culture, string Title, string Description)
{
    public const int MaxCultureLength = 16;

    /// <summary>A translation for a culture the app does not speak, or for the default one (which has the default texts).</summary>
    public const string CultureNotOffered = "translation_culture_not_offered";

    /// <summary>A text holds a control character (a line break, a tab). Arguments: the character as U+XXXX.</summary>
    public const string ControlCharacter = "translation_control_character";

    /// <summary>The cultures a translation may be entered for: every supported one but the default.</summary>
    public static IReadOnlyList<string> Cultures { get; } = [.. SupportedCultures.Names.Where(name => name != SupportedCultures.Default)];

    public static string TitleField(string culture) => $"Translations.{culture}.Title";

    public static string DescriptionField(string culture) => $"Translations.{culture}.Description";

    /// <summary>Adds one problem per culture offered twice or not at all, per missing or too long text, per control character.</summary>
    public static void Validate(IReadOnlyList<MilestoneTranslation> translations, ICollection<MilestoneValidationError> errors)
    {
        foreach (var translation in translations)
        {
            if (!Cultures.Contains(translation.Culture, StringComparer.Ordinal) || translations.Count(t => t.Culture == translation.Culture) > 1)
            {
                errors.Add(new("Translations", $"Translations may be given once each for {string.Join(", ", Cultures)}, not for '{translation.Culture}'.")
                {
                    Code = CultureNotOffered,
                });
                continue;
            }

            CheckText(TitleField(translation.Culture), translation.Title, MilestoneDefinitionValidator.MaxTitleLength, errors);
            CheckText(DescriptionField(translation.Culture), translation.Description, MilestoneDefinitionValidator.MaxDescriptionLength, errors);
        }
    }

    private static void CheckText(string field, string text, int maximum, ICollection<MilestoneValidationError> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(new(field, $"{field} is required when the other text of its culture is given.") { Code = MilestoneValidationCodes.TextRequired });
        }
        else if (text.Length > maximum)
        {
            errors.Add(new(field, $"{field} is {text.Length} characters long; the limit is {maximum}.")
            {
                Code = MilestoneValidationCodes.TextTooLong,
                Arguments = [text.Length, maximum],
            });
        }
        else if (text.Where(char.IsControl).Select(c => (int)c).FirstOrDefault(-1) is var control and >= 0)
        {
            var character = "U+" + control.ToString("X4", CultureInfo.InvariantCulture);
            errors.Add(new(field, $"{field} holds a control character, {character}; write it on one line.")
            {
                Code = ControlCharacter,
                Arguments = [character],
            });
        }
    }
}
