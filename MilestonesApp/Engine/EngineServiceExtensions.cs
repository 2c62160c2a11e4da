using Microsoft.Extensions.DependencyInjection.Extensions;
using MilestonesApp.Engine.Backfill;
using MilestonesApp.Engine.Storage;

namespace MilestonesApp.Engine;

public static class EngineServiceExtensions
{
    /// <summary>
    /// The engine, its write path and the backfill, with the definition cache and write gate they share, and the
    /// in-process award notifier unless another (one across nodes) was registered first. Needs an
    /// <see cref="IEngineDatabase"/> from the app, which decides the writer: with a single writer (SQLite) one kept
    /// connection behind the gate with group commit, otherwise (PostgreSQL) a pooled connection per transaction.
    /// </summary>
    public static IHostApplicationBuilder AddMilestoneEngine(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<MilestoneEngineOptions>()
            .BindConfiguration(MilestoneEngineOptions.Section)
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
        builder.Services.AddSingleton<DomainEventValidator>();
        builder.Services.TryAddSingleton<IMilestoneTexts, DefinitionTexts>();
        builder.Services.AddMetrics();
        builder.Services.AddSingleton<EngineMetrics>();
        builder.Services.AddSingleton<IEngineSnapshots, EngineSnapshots>();
        builder.Services.AddSingleton<DependentAwards>();
        builder.Services.AddSingleton<MilestoneProgressReader>();
        builder.Services.AddSingleton<LoginCatchUp>();
        builder.Services.AddSingleton<AwardGranting>();
        builder.Services.TryAddSingleton<IEventIntake, SequentialEventIntake>();
        builder.Services.AddSingleton<EventEvaluation>();
        builder.Services.AddSingleton<MilestoneEngine>();
        builder.Services.AddSingleton<EngineWritePath>();
        builder.Services.AddSingleton<IMilestoneEngine>(services => services.GetRequiredService<EngineWritePath>());
        builder.Services.AddSingleton<IEngineWritePath>(services => services.GetRequiredService<EngineWritePath>());
        builder.Services.AddSingleton<IEngineReads, EngineReads>();
        builder.Services.TryAddSingleton<IAwardNotifier, InProcessAwardNotifier>();
        builder.Services.AddSingleton<IEngineWriter>(services =>
            services.GetRequiredService<IEngineDatabase>().HasSingleWriter
                ? ActivatorUtilities.CreateInstance<GroupCommitWriter>(services)
                : ActivatorUtilities.CreateInstance<PooledEngineWriter>(services));
        builder.Services.AddSingleton<IMilestoneBackfill, MilestoneBackfill>();
        builder.Services.AddSingleton<MilestoneImpactPreview>();
        return builder;
    }
}
