namespace MilestonesApp.Operations;

public static class OperatorCommands
{
    /// <summary>The commands an operator runs through the app's own executable (<c>dotnet MilestonesApp.dll admin list</c>).</summary>
    public static IHostApplicationBuilder AddOperatorCommands(this IHostApplicationBuilder builder)
    {
        builder.Services.AddTransient<IOperatorCommand, AdminCommand>();
        builder.Services.AddSingleton<IOperatorCommand, ApiKeyCommand>();
        builder.Services.AddSingleton<IOperatorCommand, WebhookCommand>();
        return builder;
    }

    /// <summary>
    /// When the first argument names a command, runs it, sets the process exit code and returns true: the caller then
    /// exits instead of serving. Any other arguments (none, or host settings such as <c>--urls</c>) return false.
    /// </summary>
    public static async Task<bool> TryRunOperatorCommandAsync(this WebApplication app, IReadOnlyList<string> args)
    {
        if (args.Count == 0)
        {
            return false;
        }

        using var scope = app.Services.CreateScope();
        var command = scope.ServiceProvider.GetServices<IOperatorCommand>().FirstOrDefault(c => c.Name == args[0]);
        if (command is null)
        {
            return false;
        }

        try
        {
            Environment.ExitCode = await command.RunAsync([.. args.Skip(1)], Console.Out, Console.Error, app.Lifetime.ApplicationStopping);
        }
        catch (OperatorCommandException problem)
        {
            await Console.Error.WriteLineAsync(problem.Message);
            Environment.ExitCode = 1;
        }

        return true;
    }
}
