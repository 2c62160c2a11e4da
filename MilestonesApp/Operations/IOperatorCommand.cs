namespace MilestonesApp.Operations;

/// <summary>
/// One operator command: the app's executable runs it when the first argument is <see cref="Name"/>, on the configured
/// database, and exits without starting the web server. Register implementations in DI as <see cref="IOperatorCommand"/>.
/// </summary>
internal interface IOperatorCommand
{
    /// <summary>The first argument that selects this command, such as <c>admin</c>.</summary>
    string Name { get; }

    /// <summary>Runs with the arguments after <see cref="Name"/>; returns the process exit code, 0 on success.</summary>
    Task<int> RunAsync(IReadOnlyList<string> arguments, TextWriter output, TextWriter error, CancellationToken cancellationToken);
}
