namespace MilestonesApp.Engine.Storage;

/// <summary>The engine's reads for the app, each on a connection of its own, outside any transaction.</summary>
internal sealed class EngineReads(IEngineDatabase database) : IEngineReads
{
    public Task<UserStatsSnapshot> StatsAsync(string userId, CancellationToken cancellationToken = default) =>
        ReadAsync(store => store.Stats.ReadAsync(userId, cancellationToken), cancellationToken);

    public Task<IReadOnlySet<string>> StoredKeysAsync(string userId, IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default) =>
        keys.Count == 0
            ? Task.FromResult<IReadOnlySet<string>>(new HashSet<string>())
            : ReadAsync(store => store.Events.StoredKeysAsync(userId, keys, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<HeldAward>> AwardsAsync(string userId, CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<HeldAward>>(async store =>
        {
            var awards = await store.Awards.OfUserAsync(userId, cancellationToken);
            if (awards.Count == 0)
            {
                return [];
            }

            var milestones = (await store.Catalog.MilestonesAsync(activeOnly: false, cancellationToken)).ToDictionary(m => m.Id, m => m.Definition);
            return [.. awards.Select(award => new HeldAward(award.Id, milestones[award.MilestoneId], award.AchievedAt, award.AwardedAt, award.Backfilled))];
        }, cancellationToken);

    private async Task<T> ReadAsync<T>(Func<EngineStore, Task<T>> read, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await read(new EngineStore(connection, transaction: null));
    }
}
