namespace MilestonesApp.Engine;

/// <summary>A milestone definition was refused; <see cref="Errors"/> holds one readable sentence per problem.</summary>
public sealed class MilestoneValidationException(IReadOnlyList<string> errors)
    : Exception("The milestone definition is invalid: " + string.Join(" ", errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
