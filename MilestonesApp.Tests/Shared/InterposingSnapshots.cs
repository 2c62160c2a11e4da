using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MilestonesApp.Engine.Storage;

namespace MilestonesApp.Tests.Shared;

/// <summary>
/// The engine's snapshots, with a step run once between a full catch-up's snapshot read and its write: where another
/// writer's event, or a crash, can come.
/// </summary>
internal sealed class InterposingSnapshots(IEngineSnapshots inner) : IEngineSnapshots
{
    private Func<Task>? next;

    /// <summary>Replaces the host's snapshots with one of these, reachable as a service of its own.</summary>
    public static void Register(IServiceCollection services)
    {
        services.AddSingleton(provider => new InterposingSnapshots(ActivatorUtilities.CreateInstance<EngineSnapshots>(provider)));
        services.Replace(ServiceDescriptor.Singleton<IEngineSnapshots>(provider => provider.GetRequiredService<InterposingSnapshots>()));
    }

    /// <summary>Runs <paramref name="step"/> after the next snapshot read, before the write that follows it.</summary>
    public void AfterNextRead(Func<Task> step) => next = step;

    public async Task<T> ReadAsync<T>(Func<EngineStore, Task<T>> read, CancellationToken cancellationToken)
    {
        var result = await inner.ReadAsync(read, cancellationToken);
        if (Interlocked.Exchange(ref next, null) is { } step)
        {
            await step();
        }

        return result;
    }
}
