using Microsoft.Extensions.Options;
using MilestonesApp.Engine;

namespace MilestonesApp.Data;

/// <summary>
/// The app's writes, each through the engine's write path (<see cref="IEngineWritePath"/>) on a context bound to its
/// transaction: what a person does and the event it causes commit together or not at all, and on SQLite every write,
/// the app's own included, shares the one writer and its group commit.
/// </summary>
public sealed class AppWritePath(IEngineWritePath engine, IOptions<DatabaseOptions> database, IServiceProvider services)
{
    private readonly TransactionContexts contexts = new(database.Value.Provider, services);

    /// <summary>
    /// Records the event and runs <paramref name="alongside"/> in the same transaction, given the stored event's id (the
    /// original's, for a duplicate). If it throws, the event is not stored either.
    /// </summary>
    public Task<EngineResult> RecordAsync(
        DomainEvent domainEvent, Func<AppDbContext, long, CancellationToken, Task> alongside, CancellationToken cancellationToken = default) =>
        engine.RecordAsync(domainEvent, async (transaction, eventId, token) =>
        {
            await using var db = await contexts.OnAsync(transaction, token);
            await alongside(db, eventId, token);
        }, cancellationToken);

    /// <summary>A write of the app's own rows, with no event, in one transaction.</summary>
    public Task<T> WriteAsync<T>(Func<AppDbContext, CancellationToken, Task<T>> work, CancellationToken cancellationToken = default) =>
        engine.WriteAsync(async (transaction, token) =>
        {
            await using var db = await contexts.OnAsync(transaction, token);
            return await work(db, token);
        }, cancellationToken);
}
