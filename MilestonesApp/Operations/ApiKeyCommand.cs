using System.Globalization;
using MilestonesApp.Api.Keys;

namespace MilestonesApp.Operations;

/// <summary><c>apikey create &lt;name&gt;</c>, <c>apikey revoke &lt;name&gt;</c>, <c>apikey list</c>: the events API's keys from the command line.</summary>
internal sealed class ApiKeyCommand(ApiKeyService keys) : IOperatorCommand
{
    private const string Usage = "Usage: apikey create <name> | apikey revoke <name> | apikey list.";

    public string Name => "apikey";

    public async Task<int> RunAsync(IReadOnlyList<string> arguments, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        try
        {
            switch (arguments)
            {
                case ["create", var name]:
                    var created = await keys.CreateAsync(name, cancellationToken);
                    await output.WriteLineAsync($"Created API key '{created.Info.Name}' ({created.Info.Prefix}...). It is shown only now; store it safely:");
                    await output.WriteLineAsync(created.Key);
                    return 0;
                case ["revoke", var name]:
                    var revoked = await keys.RevokeAsync(name, cancellationToken);
                    await output.WriteLineAsync($"Revoked API key '{revoked.Name}' ({revoked.Prefix}...); requests with it are refused from now on.");
                    return 0;
                case ["list"]:
                    await ListAsync(output, cancellationToken);
                    return 0;
                default:
                    await error.WriteLineAsync(Usage);
                    return 2;
            }
        }
        catch (ApiKeyException refused)
        {
            await error.WriteLineAsync(refused.Message);
            return 1;
        }
    }

    private async Task ListAsync(TextWriter output, CancellationToken cancellationToken)
    {
        var all = await keys.ListAsync(cancellationToken);
        if (all.Count == 0)
        {
            await output.WriteLineAsync("No API keys yet; make one with 'apikey create <name>'.");
            return;
        }

        foreach (var key in all)
        {
            var state = key.RevokedAt is { } revokedAt ? $"revoked {Format(revokedAt)}" : "live";
            await output.WriteLineAsync($"{key.Name}\t{key.Prefix}...\tcreated {Format(key.CreatedAt)}\t{state}");
        }
    }

    private static string Format(DateTimeOffset time) => time.UtcDateTime.ToString("u", CultureInfo.InvariantCulture);
}
