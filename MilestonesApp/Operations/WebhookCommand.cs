using System.Globalization;
using MilestonesApp.Webhooks;

namespace MilestonesApp.Operations;

/// <summary><c>webhook add &lt;name&gt; &lt;url&gt;</c>, <c>webhook remove &lt;name&gt;</c>, <c>webhook list</c>: the endpoints told of every award.</summary>
internal sealed class WebhookCommand(WebhookEndpoints endpoints) : IOperatorCommand
{
    private const string Usage = "Usage: webhook add <name> <url> | webhook remove <name> | webhook list.";

    public string Name => "webhook";

    public async Task<int> RunAsync(IReadOnlyList<string> arguments, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        try
        {
            switch (arguments)
            {
                case ["add", var name, var url]:
                    var added = await endpoints.AddAsync(name, url, cancellationToken);
                    await output.WriteLineAsync(
                        $"Added webhook '{added.Info.Name}' ({added.Info.Url}); every award from now on is sent to it. Its signing secret is shown only now; give it to the receiver:");
                    await output.WriteLineAsync(added.Secret);
                    return 0;
                case ["remove", var name]:
                    var removed = await endpoints.RemoveAsync(name, cancellationToken);
                    await output.WriteLineAsync($"Removed webhook '{removed.Name}'; nothing more is sent to {removed.Url}.");
                    return 0;
                case ["list"]:
                    await ListAsync(output, cancellationToken);
                    return 0;
                default:
                    await error.WriteLineAsync(Usage);
                    return 2;
            }
        }
        catch (WebhookException refused)
        {
            await error.WriteLineAsync(refused.Message);
            return 1;
        }
    }

    private async Task ListAsync(TextWriter output, CancellationToken cancellationToken)
    {
        var all = await endpoints.ListAsync(cancellationToken);
        if (all.Count == 0)
        {
            await output.WriteLineAsync("No webhooks yet; add one with 'webhook add <name> <url>'.");
            return;
        }

        foreach (var endpoint in all)
        {
            var state = endpoint.RemovedAt is { } removedAt ? $"removed {Format(removedAt)}" : "live";
            await output.WriteLineAsync($"{endpoint.Name}\t{endpoint.Url}\tcreated {Format(endpoint.CreatedAt)}\t{state}");
        }
    }

    private static string Format(DateTimeOffset time) => time.UtcDateTime.ToString("u", CultureInfo.InvariantCulture);
}
