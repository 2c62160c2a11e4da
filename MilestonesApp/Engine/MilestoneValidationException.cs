namespace MilestonesApp.Engine;

/// <summary>
/// A milestone definition was refused; <see cref="Errors"/> holds one readable sentence per problem and
/// <see cref="Problems"/> the same sentences with the field each concerns.
/// </summary>
public sealed class MilestoneValidationException(IReadOnlyList<MilestoneValidationError> problems)
    : Exception("The milestone definition is invalid: " + string.Join(" ", problems.Select(problem => problem.Message)))
{
    public IReadOnlyList<MilestoneValidationError> Problems { get; } = problems;

    public IReadOnlyList<string> Errors { get; } = problems.Select(problem => problem.Message).ToList();
}
