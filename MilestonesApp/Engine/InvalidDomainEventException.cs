namespace MilestonesApp.Engine;

/// <summary>An event was refused before anything was written; <see cref="Errors"/> says why, one sentence per problem.</summary>
public sealed class InvalidDomainEventException(IReadOnlyList<string> errors)
    : ArgumentException("The event was refused: " + string.Join(" ", errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
