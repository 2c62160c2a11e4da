using System.Diagnostics;
using MilestonesApp.Engine.Storage;

namespace MilestonesApp.Engine;

/// <summary>
/// The engine as the app uses it, measured (<see cref="EngineMetrics"/> around every recording) and published: after an
/// event's transaction has committed, its newly inserted awards are told to the <see cref="IAwardNotifier"/>, so that
/// every open tab of the person hears of them. A duplicate publishes nothing: its awards were published when the
/// original was recorded.
/// </summary>
internal sealed class EngineWritePath(MilestoneEngine engine, IEngineWriter writer, IAwardNotifier notifier, EngineMetrics metrics)
    : IMilestoneEngine, IEngineWritePath
{
    public Task<EngineResult> RecordAsync(DomainEvent domainEvent, CancellationToken cancellationToken = default) =>
        RecordMeasuredAsync(domainEvent, alongside: null, cancellationToken);

    public Task<EngineResult> RecordAsync(DomainEvent domainEvent, AlongsideWrite alongside, CancellationToken cancellationToken = default) =>
        RecordMeasuredAsync(domainEvent, alongside, cancellationToken);

    public Task<T> WriteAsync<T>(Func<WriteTransaction, CancellationToken, Task<T>> work, CancellationToken cancellationToken = default) =>
        writer.WriteAsync((store, token) => work(new WriteTransaction(store.Connection, store.Transaction), token), cancellationToken);

    private async Task<EngineResult> RecordMeasuredAsync(DomainEvent domainEvent, AlongsideWrite? alongside, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var result = await engine.RecordAsync(domainEvent, alongside, cancellationToken);
            if (!result.WasDuplicate && result.NewlyAwarded.Count > 0)
            {
                // Committed already: the caller's cancellation must not keep the fact from the listeners.
                await notifier.PublishAsync([.. result.NewlyAwarded.Select(a => new AwardNotice(domainEvent.UserId, a.Code))], CancellationToken.None);
            }

            metrics.Recorded(domainEvent.EventType, result, Stopwatch.GetElapsedTime(started));
            return result;
        }
        catch
        {
            metrics.Failed(Stopwatch.GetElapsedTime(started));
            throw;
        }
    }
}
