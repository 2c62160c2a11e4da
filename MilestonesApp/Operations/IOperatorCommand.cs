namespace MilestonesApp.Operations;

internal interface IOperatorCommand
{
    string Name { get; }

    Task<int> RunAsync(IReadOnlyList<string> arguments, TextWriter output, TextWriter error, CancellationToken cancellationToken);
}
