using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace MilestonesApp.Engine;

/// <summary>
/// What <see cref="MilestoneDefinition.AnimationData"/> may hold per <see cref="AnimationKind"/>: canvas-confetti options for
/// Confetti, a video path under wwwroot for Webm, nothing for None.
/// </summary>
public static partial class AnimationDataValidator
{
    public const int MaxParticleCount = 500;

    private const string Data = nameof(MilestoneDefinition.AnimationData);

    public static void Validate(AnimationKind kind, string? data, ICollection<MilestoneValidationError> errors)
    {
        switch (kind)
        {
            case AnimationKind.Confetti when !string.IsNullOrWhiteSpace(data):
                ValidateConfettiOptions(data, errors);
                break;
            case AnimationKind.Webm when string.IsNullOrWhiteSpace(data) || !VideoPath().IsMatch(data) || data.Contains("..", StringComparison.Ordinal):
                errors.Add(new(Data, $"A Webm animation needs the path of a .webm file under wwwroot, such as 'media/trophy.webm', not '{data}'.") { Code = MilestoneValidationCodes.VideoPath });
                break;
            case AnimationKind.None when !string.IsNullOrWhiteSpace(data):
                errors.Add(new(Data, "Animation None takes no animation data.") { Code = MilestoneValidationCodes.NoAnimationData });
                break;
            case not (AnimationKind.Confetti or AnimationKind.Webm or AnimationKind.None):
                errors.Add(new(nameof(MilestoneDefinition.Animation), $"Animation '{kind}' is unknown; the animations are {string.Join(", ", Enum.GetNames<AnimationKind>())}.") { Code = MilestoneValidationCodes.AnimationUnknown });
                break;
        }
    }

    private static void ValidateConfettiOptions(string data, ICollection<MilestoneValidationError> errors)
    {
        JsonObject? options;
        try
        {
            options = JsonNode.Parse(data) as JsonObject;
        }
        catch (JsonException exception)
        {
            errors.Add(new(Data, $"Confetti options are not valid JSON: {exception.Message}") { Code = MilestoneValidationCodes.ConfettiNotObject });
            return;
        }

        if (options is null)
        {
            errors.Add(new(Data, "Confetti options must be a JSON object such as {\"particleCount\":150,\"spread\":90}.") { Code = MilestoneValidationCodes.ConfettiNotObject });
            return;
        }

        if (JsonDuplicates.FirstIn(data) is { } duplicate)
        {
            errors.Add(new(Data, $"Confetti options name the property '{duplicate}' more than once.")
            {
                Code = MilestoneValidationCodes.PropertyTwice,
                Arguments = [duplicate],
            });
            return;
        }

        foreach (var (name, value) in options)
        {
            switch (name)
            {
                case "particleCount":
                    RequireNumber(name, value, 1, MaxParticleCount, errors);
                    break;
                case "spread":
                    RequireNumber(name, value, 1, 360, errors);
                    break;
                case "startVelocity":
                    RequireNumber(name, value, 1, 100, errors);
                    break;
                case "colors":
                    if (value is not JsonArray colors || colors.Count is 0 or > 12 ||
                        colors.Any(color => color is not JsonValue text || !text.TryGetValue<string>(out var hex) || !HexColor().IsMatch(hex)))
                    {
                        errors.Add(new(MilestoneValidationError.AnimationDataField(name), "Confetti 'colors' must be a list of 1 to 12 colors written as '#rrggbb'.")
                        {
                            Code = MilestoneValidationCodes.ConfettiColors,
                            Arguments = [12],
                        });
                    }

                    break;
                default:
                    errors.Add(new(MilestoneValidationError.AnimationDataField(name), $"Confetti option '{name}' is not supported; use particleCount, spread, startVelocity or colors.")
                    {
                        Code = MilestoneValidationCodes.PropertyNotTaken,
                        Arguments = [name],
                    });
                    break;
            }
        }
    }

    private static void RequireNumber(string name, JsonNode? value, int minimum, int maximum, ICollection<MilestoneValidationError> errors)
    {
        if (value is not JsonValue number || !number.TryGetValue<int>(out var whole) || whole < minimum || whole > maximum)
        {
            errors.Add(new(MilestoneValidationError.AnimationDataField(name), $"Confetti '{name}' must be a whole number from {minimum} to {maximum}, not {value?.ToJsonString() ?? "null"}.")
            {
                Code = MilestoneValidationCodes.NumberOutOfRange,
                Arguments = [minimum, maximum],
            });
        }
    }

    // \z, not $: $ also matches before a final newline, which would let "clip.webm\n" through.
    [GeneratedRegex("^[a-zA-Z0-9_\\-]+(/[a-zA-Z0-9_\\-]+)*\\.webm\\z")]
    private static partial Regex VideoPath();

    [GeneratedRegex("^#[0-9a-fA-F]{6}\\z")]
    private static partial Regex HexColor();
}
