using Microsoft.EntityFrameworkCore;

namespace MilestonesApp.Data;

/// <summary>Serves the provider's own context type wherever the app asks for an <see cref="AppDbContext"/>.</summary>
internal sealed class DerivedContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<AppDbContext>
    where TContext : AppDbContext
{
    public AppDbContext CreateDbContext() => inner.CreateDbContext();

    public async Task<AppDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
        await inner.CreateDbContextAsync(cancellationToken);
}
