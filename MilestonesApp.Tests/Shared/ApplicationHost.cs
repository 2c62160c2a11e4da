using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MilestonesApp.Application;
using MilestonesApp.Data;

namespace MilestonesApp.Tests.Shared;

/// <summary>An <see cref="EngineHost"/> with the application services the pages call: wins, habits, visits, receipts.</summary>
public static class ApplicationHost
{
    public static Task<EngineHost> StartAsync(IReadOnlyDictionary<string, string?>? settings = null) =>
        EngineHost.StartAsync(settings: settings, addMore: builder => builder.AddMilestonesApplication());

    public static Task<EngineHost> StartAsync(DatabaseProvider provider) =>
        EngineHost.StartAsync(provider, addMore: builder => builder.AddMilestonesApplication());

    public static T Get<T>(this EngineHost host) where T : notnull => host.Services.GetRequiredService<T>();

    public static Task<int> CountEventsAsync(this EngineHost host, string userId, string eventType) =>
        host.QueryAsync((db, cancellationToken) => db.Events.CountAsync(e => e.UserId == userId && e.EventType == eventType, cancellationToken));
}
