using MilestonesApp.Api.Keys;

namespace MilestonesApp.Admin;

/// <summary>The admin tab's API keys page: list, create (the key shown once) and revoke, each call checked against the admin policy.</summary>
internal sealed class ApiKeyAdministration(AdminGuard guard, ApiKeyService keys)
{
    public async Task<IReadOnlyList<ApiKeyInfo>> ListAsync(CancellationToken cancellationToken = default)
    {
        await guard.EnsureAdminAsync();
        return await keys.ListAsync(cancellationToken);
    }

    public async Task<CreatedApiKey> CreateAsync(string name, CancellationToken cancellationToken = default)
    {
        await guard.EnsureAdminAsync();
        return await keys.CreateAsync(name, cancellationToken);
    }

    public async Task RevokeAsync(string name, CancellationToken cancellationToken = default)
    {
        await guard.EnsureAdminAsync();
        await keys.RevokeAsync(name, cancellationToken);
    }
}
