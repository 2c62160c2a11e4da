namespace MilestonesApp.Operations;

/// <summary>A command could not do what it was asked; the message is the one sentence the operator reads on stderr.</summary>
internal sealed class OperatorCommandException(string message) : Exception(message);
