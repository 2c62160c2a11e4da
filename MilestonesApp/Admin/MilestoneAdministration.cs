using Microsoft.EntityFrameworkCore;
using MilestonesApp.Data;
using MilestonesApp.Engine;

namespace MilestonesApp.Admin;

/// <summary>
/// What the admin pages do with milestone definitions: list them with how many hold each, create and edit them through
/// the catalog, switch them on and off, and award one retroactively. Definitions are never deleted: awards point at them.
/// </summary>
internal sealed class MilestoneAdministration(
    AdminGuard guard, MilestoneCatalog catalog, IMilestoneBackfill backfill, IDbContextFactory<AppDbContext> dbFactory)
{
    public async Task<IReadOnlyList<MilestoneOverview>> ListAsync(CancellationToken cancellationToken = default)
    {
        await guard.EnsureAdminAsync();
        var definitions = await catalog.ListAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var users = await db.UserStats.CountAsync(cancellationToken);
        var holders = await db.UserMilestones
            .GroupBy(award => award.Milestone!.Code)
            .Select(group => new { Code = group.Key, Count = group.Count() })
            .ToDictionaryAsync(row => row.Code, row => row.Count, cancellationToken);
        return definitions.Select(definition => new MilestoneOverview(definition, holders.GetValueOrDefault(definition.Code), users)).ToList();
    }

    /// <summary>Every milestone's code, in the order they were created.</summary>
    public async Task<IReadOnlyList<string>> CodesAsync(CancellationToken cancellationToken = default)
    {
        await guard.EnsureAdminAsync();
        return [.. (await catalog.ListAsync(cancellationToken)).Select(definition => definition.Code)];
    }

    public async Task<MilestoneDefinition?> FindAsync(string code, CancellationToken cancellationToken = default)
    {
        await guard.EnsureAdminAsync();
        var definitions = await catalog.ListAsync(cancellationToken);
        return definitions.SingleOrDefault(definition => definition.Code == code);
    }

    /// <summary>The translations saved with the milestone, one per culture that has one.</summary>
    public async Task<IReadOnlyList<MilestoneTranslation>> TextsAsync(string code, CancellationToken cancellationToken = default)
    {
        await guard.EnsureAdminAsync();
        return await catalog.TextsAsync(code, cancellationToken);
    }

    public Task CreateAsync(MilestoneDefinition definition, CancellationToken cancellationToken = default) =>
        CreateAsync(definition, texts: null, cancellationToken);

    /// <summary>
    /// Creates a definition with its translations (null: none), refusing a code already taken (the catalog's save would
    /// silently edit that one instead). Invalid input throws <see cref="MilestoneValidationException"/> and saves nothing.
    /// </summary>
    public async Task CreateAsync(MilestoneDefinition definition, IReadOnlyList<MilestoneTranslation>? texts, CancellationToken cancellationToken = default)
    {
        await guard.EnsureAdminAsync();
        var existing = await catalog.ListAsync(cancellationToken);
        if (existing.Any(other => other.Code == definition.Code))
        {
            throw new MilestoneValidationException([CodeTaken(definition.Code)]);
        }

        await catalog.SaveAsync(definition, texts, cancellationToken);
    }

    /// <summary>
    /// Every problem saving <paramref name="definition"/> would be refused for right now, without saving it: the form
    /// checks an admin's correction with it before the next save.
    /// </summary>
    public async Task<IReadOnlyList<MilestoneValidationError>> ProblemsAsync(
        MilestoneDefinition definition, bool isNew, CancellationToken cancellationToken = default)
    {
        await guard.EnsureAdminAsync();
        var existing = await catalog.ListAsync(cancellationToken);
        var problems = new List<MilestoneValidationError>();
        if (isNew && existing.Any(other => other.Code == definition.Code))
        {
            problems.Add(CodeTaken(definition.Code));
        }

        MilestoneDefinitionValidator.Validate(definition, problems, existing);
        return problems;
    }

    public Task<BackfillResult?> UpdateAsync(MilestoneDefinition definition, CancellationToken cancellationToken = default) =>
        UpdateAsync(definition, texts: null, progress: null, cancellationToken);

    /// <summary>
    /// Saves changes to an existing definition and, given <paramref name="texts"/>, makes them its only translations (null
    /// leaves them as they are); its code cannot change, since awards and texts are keyed by it. A live milestone whose
    /// rule changed is then awarded to everyone the new rule already covers (what the impact preview counted), so a
    /// changed rule does not ignore what people already did; that backfill's result is returned, null when none ran.
    /// </summary>
    public async Task<BackfillResult?> UpdateAsync(
        MilestoneDefinition definition, IReadOnlyList<MilestoneTranslation>? texts, IProgress<BackfillProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        await guard.EnsureAdminAsync();
        var existing = await catalog.ListAsync(cancellationToken);
        var stored = existing.SingleOrDefault(other => other.Code == definition.Code)
            ?? throw new KeyNotFoundException($"No milestone has the code '{definition.Code}'.");

        await catalog.SaveAsync(definition, texts, cancellationToken);
        var ruleChanged = (stored.TriggerEvent, stored.RuleType, stored.RuleData) != (definition.TriggerEvent, definition.RuleType, definition.RuleData);
        return definition.IsActive && ruleChanged
            ? await backfill.AwardEveryoneWhoQualifiesAsync(definition.Code, progress, cancellationToken)
            : null;
    }

    /// <summary>What going live with the definition as edited (saved or not) would award, written nowhere.</summary>
    public async Task<MilestoneImpact> PreviewImpactAsync(MilestoneDefinition definition, CancellationToken cancellationToken = default)
    {
        await guard.EnsureAdminAsync();
        return await catalog.PreviewImpactAsync(definition, cancellationToken);
    }

    /// <summary>
    /// The admin's go live: saves the milestone as live, then awards it to everyone who already qualifies, in batches.
    /// Safe to repeat: the second run awards nobody.
    /// </summary>
    public async Task<BackfillResult> GoLiveAsync(string code, IProgress<BackfillProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        await SetStateAsync(code, MilestoneState.Live, cancellationToken);
        return await backfill.AwardEveryoneWhoQualifiesAsync(code, progress, cancellationToken);
    }

    /// <summary>Moves the milestone to another state by itself: retiring stops new awards; holders keep theirs.</summary>
    public async Task SetStateAsync(string code, MilestoneState state, CancellationToken cancellationToken = default)
    {
        var definition = await FindAsync(code, cancellationToken) ?? throw new KeyNotFoundException($"No milestone has the code '{code}'.");
        await catalog.SaveAsync(definition with { State = state }, cancellationToken);
    }

    public async Task SetActiveAsync(string code, bool isActive, CancellationToken cancellationToken = default)
    {
        var definition = await FindAsync(code, cancellationToken) ?? throw new KeyNotFoundException($"No milestone has the code '{code}'.");
        await catalog.SaveAsync(definition with { IsActive = isActive }, cancellationToken);
    }

    /// <summary>Awards the milestone to every user who already qualifies; a second run awards nothing.</summary>
    public async Task<BackfillResult> AwardEveryoneWhoQualifiesAsync(
        string code, IProgress<BackfillProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        await guard.EnsureAdminAsync();
        return await backfill.AwardEveryoneWhoQualifiesAsync(code, progress, cancellationToken);
    }

    private static MilestoneValidationError CodeTaken(string code) =>
        new(nameof(MilestoneDefinition.Code), $"A milestone with the code '{code}' already exists; edit that one instead.")
        {
            Code = MilestoneValidationCodes.CodeTaken,
            Arguments = [code],
        };
}
