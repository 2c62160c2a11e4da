using MilestonesApp.Engine.Rules;

namespace MilestonesApp.Tests.Shared;

/// <summary>
/// A rule's meaning without its accelerators or set-based query: what a new rule type is before it is made fast. Every
/// question the engine asks it is answered by <see cref="Specification"/> over the rows it needs.
/// </summary>
internal sealed class SpecificationOnlyRule(IMilestoneRule inner) : IMilestoneRule
{
    public string TypeName => inner.TypeName;

    public IReadOnlyCollection<string> EventsRead => inner.EventsRead;

    public IReadOnlyCollection<string> MilestonesRead => inner.MilestonesRead;

    public bool HoldsAt(UserLog log, int at) => inner.HoldsAt(log, at);

    public RecordedEvent? FirstHeld(UserLog log) => inner.FirstHeld(log);

    public ValueTask<RuleProgress> ProgressAsync(ProgressContext context, CancellationToken cancellationToken) => inner.ProgressAsync(context, cancellationToken);

    public RuleText Describe() => inner.Describe();
}
