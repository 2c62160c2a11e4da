using MilestonesApp.Application.Accounts;

namespace MilestonesApp.Operations;

/// <summary><c>admin grant &lt;email&gt;</c>, <c>admin revoke &lt;email&gt;</c>, <c>admin list</c>: the only way to make an admin.</summary>
internal sealed class AdminCommand(AdminAccounts admins) : IOperatorCommand
{
    public string Name => "admin";

    public async Task<int> RunAsync(IReadOnlyList<string> arguments, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        switch (arguments)
        {
            case ["grant", var email]:
                await output.WriteLineAsync(Describe(await admins.GrantAsync(email), email,
                    changed: $"{email} now holds the Admin role.",
                    alreadySo: $"{email} already holds the Admin role; nothing changed."));
                return 0;
            case ["revoke", var email]:
                await output.WriteLineAsync(Describe(await admins.RevokeAsync(email), email,
                    changed: $"{email} no longer holds the Admin role; their next request to the admin tools is refused.",
                    alreadySo: $"{email} does not hold the Admin role; nothing changed."));
                return 0;
            case ["list"]:
                foreach (var email in await admins.ListAsync())
                {
                    await output.WriteLineAsync(email);
                }

                return 0;
            default:
                throw new OperatorCommandException("Usage: admin grant <email> | admin revoke <email> | admin list.");
        }
    }

    private static string Describe(RoleChange change, string email, string changed, string alreadySo) => change switch
    {
        RoleChange.Changed => changed,
        RoleChange.AlreadySo => alreadySo,
        _ => throw new OperatorCommandException($"No account has the e-mail address {email}; the person must register first."),
    };
}
