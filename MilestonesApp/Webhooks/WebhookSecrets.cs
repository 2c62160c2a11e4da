using Microsoft.AspNetCore.DataProtection;

namespace MilestonesApp.Webhooks;

/// <summary>
/// Signing secrets at rest: protected with the app's Data Protection keys (stored in the database, shared by every
/// node), so each node can sign and a copy of the table alone cannot.
/// </summary>
public sealed class WebhookSecrets(IDataProtectionProvider dataProtection)
{
    private readonly IDataProtector protector = dataProtection.CreateProtector("MilestonesApp.Webhooks.SigningSecret.v1");

    public string Protect(string secret) => protector.Protect(secret);

    public string Unprotect(string protectedSecret) => protector.Unprotect(protectedSecret);
}
