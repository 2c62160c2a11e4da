using Microsoft.Extensions.DependencyInjection.Extensions;
using MilestonesApp.Data;
using MilestonesApp.Engine.Backfill;
using MilestonesApp.Engine.Storage;

namespace MilestonesApp.Engine;

public static class EngineServiceExtensions
{
    /// <summary>
    /// The engine, the catalog, the backfill and the stats rebuilder, with the definition cache and write gate they share,
    /// and the in-process award notifier unless another (one across nodes) was registered first. Needs
    /// <see cref="DataServiceExtensions.AddMilestonesData"/>, which decides the provider: on SQLite one kept write
    /// connection behind the gate with group commit, on PostgreSQL a pooled connection per transaction.
    /// </summary>
    public static IHostApplicationBuilder AddMilestoneEngine(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<MilestoneEngineOptions>()
            .Bind(builder.Configuration.GetSection(MilestoneEngineOptions.Section))
            .ValidateDataAnnotations()
            .Validate<TimeProvider>(
                (engine, time) => engine.MinOccurredAt >= DateTimeOffset.UnixEpoch && engine.MinOccurredAt <= time.GetUtcNow(),
                $"{MilestoneEngineOptions.Section}:{nameof(MilestoneEngineOptions.MinOccurredAt)} must be a time from 1970-01-01 up to now.")
            .Validate(
                engine => engine.MaxFutureSkew >= TimeSpan.Zero && engine.MaxFutureSkew <= MilestoneEngineOptions.MaxAllowedFutureSkew,
                $"{MilestoneEngineOptions.Section}:{nameof(MilestoneEngineOptions.MaxFutureSkew)} must be from zero to one day.")
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<MilestoneDefinitionCache>();
        builder.Services.AddSingleton<WindowCountBounds>();
        builder.Services.AddSingleton<DatabaseWriteGate>();
        builder.Services.AddSingleton<StatsRebuilder>();
        builder.Services.AddSingleton<DomainEventValidator>();
        builder.Services.TryAddSingleton<IMilestoneTexts, DefinitionTexts>();
        builder.Services.AddMetrics();
        builder.Services.AddSingleton<EngineMetrics>();
        builder.Services.AddSingleton<IEngineSnapshots, EngineSnapshots>();
        builder.Services.AddSingleton<DependentAwards>();
        builder.Services.AddSingleton<MilestoneProgressReader>();
        builder.Services.AddSingleton<LoginCatchUp>();
        builder.Services.AddSingleton<MilestoneEngine>();
        builder.Services.AddSingleton<AwardPublishingEngine>();
        builder.Services.AddSingleton<IMilestoneEngine>(services => new MeteredMilestoneEngine(
            services.GetRequiredService<AwardPublishingEngine>(), services.GetRequiredService<EngineMetrics>()));
        builder.Services.TryAddSingleton<IAwardNotifier, InProcessAwardNotifier>();
        builder.Services.AddSingleton<IEngineWriter>(services =>
            services.GetRequiredService<DatabaseOptions>().Provider == DatabaseProvider.Sqlite
                ? ActivatorUtilities.CreateInstance<GroupCommitWriter>(services)
                : ActivatorUtilities.CreateInstance<PooledEngineWriter>(services));
        builder.Services.AddSingleton<IMilestoneCatalog, MilestoneCatalog>();
        builder.Services.AddSingleton<IMilestoneBackfill, MilestoneBackfill>();
        return builder;
    }
}
